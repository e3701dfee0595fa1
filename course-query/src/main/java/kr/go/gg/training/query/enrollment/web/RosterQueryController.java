package kr.go.gg.training.query.enrollment.web;

import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kr.go.gg.training.api.enrollment.FindRoster;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.query.platform.web.QueryProblems;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A course's trainees (docs/api.md), answered through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.ENROLMENT)
public class RosterQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public RosterQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @Operation(summary = "A course's trainees")
    @ApiResponse(responseCode = "200", description = "The roster")
    @ApiResponse(responseCode = "403", description = QueryApiDocs.NOT_VIEWER)
    @ApiResponse(responseCode = "404", description = QueryApiDocs.NO_COURSE)
    @GetMapping("/api/courses/{id}/trainees")
    public Mono<List<RosterEntry>> trainees(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        return readYourWrites.atPosition(minPosition, () -> queries.query(new FindRoster(id), instanceOf(Roster.class)))
                .switchIfEmpty(Mono.error(() -> QueryProblems.notFound("course", id)))
                .map(Roster::trainees);
    }
}
