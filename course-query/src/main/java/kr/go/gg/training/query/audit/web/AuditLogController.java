package kr.go.gg.training.query.audit.web;

import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
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
@Tag(name = QueryApiDocs.AUDIT)
public class AuditLogController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public AuditLogController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "Who did what", description = "Every user's commands across all courses, oldest first;"
            + " from and to are UTC days, inclusive, at most " + FindAuditLog.MAX_DAYS + " days")
    @ApiResponse(responseCode = "200", description = "The entries")
    @ApiResponse(responseCode = "403", description = QueryApiDocs.NOT_VIEWER)
    @GetMapping("/api/audit-log")
    public Mono<List<AuditEntry>> auditLog(@Parameter(description = "Only this user's entries", example = "staff")
                                           @RequestParam(required = false) String user,
                                           @Parameter(example = "2016-01-01")
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @Parameter(example = "2016-12-31")
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @Parameter(description = "Answer once the read models hold every event up to this position (a command's X-Event-Position)") @RequestParam(required = false) Long minPosition) {
        FindAuditLog query = new FindAuditLog(user, from, to);
        // a record, not multipleInstancesOf: a bare list does not cross Axon Server (AuditLog)
        return readYourWrites.atPosition(minPosition, () -> queries.query(query, instanceOf(AuditLog.class)))
                .map(AuditLog::entries);
    }
}
