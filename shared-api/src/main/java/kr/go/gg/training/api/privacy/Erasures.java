package kr.go.gg.training.api.privacy;

import java.util.List;

/** The answer to {@link FindErasures}: a record, not a bare list, so it crosses Axon Server. */
public record Erasures(List<ErasureRecord> erasures) {

    public Erasures {
        erasures = erasures == null ? List.of() : List.copyOf(erasures);
    }
}
