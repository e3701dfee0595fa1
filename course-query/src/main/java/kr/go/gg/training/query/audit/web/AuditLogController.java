package kr.go.gg.training.query.audit.web;

import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who did what: {@code GET /api/audit-log?user=&from=&to=} (AUDITOR, ADMIN). {@code from} and {@code to} are
 * required ISO dates (UTC days, inclusive, at most {@link FindAuditLog#MAX_DAYS} days); without {@code user}
 * (or blank) every user's entries. A JSON array of {@link AuditEntry}, oldest first.
 */
@RestController
public class AuditLogController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public AuditLogController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/audit-log")
    public Mono<List<AuditEntry>> auditLog(@RequestParam(required = false) String user,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) Long minPosition) {
        FindAuditLog query = new FindAuditLog(user, from, to);
        // a record, not multipleInstancesOf: a bare list does not cross Axon Server (AuditLog)
        return readYourWrites.atPosition(minPosition, () -> queries.query(query, instanceOf(AuditLog.class)))
                .map(AuditLog::entries);
    }
}
