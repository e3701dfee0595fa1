package kr.go.gg.training.api.audit;

import java.util.List;

/**
 * The answer to {@link FindAuditLog}, oldest first: a record, not a bare list, so it crosses Axon Server (a bare
 * list answered for {@code multipleInstancesOf} arrives there as JSON maps, which Axon refuses to convert).
 */
public record AuditLog(List<AuditEntry> entries) {

    public AuditLog {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
