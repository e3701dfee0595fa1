package kr.go.gg.training.query.enrollment.web;

import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.util.List;
import kr.go.gg.training.api.enrollment.FindRoster;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A course's trainees (docs/api.md), answered through the query bus only. */
@RestController
public class RosterQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public RosterQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @GetMapping("/api/courses/{id}/trainees")
    public Mono<List<RosterEntry>> trainees(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        return readYourWrites.atPosition(minPosition, () -> queries.query(new FindRoster(id), instanceOf(Roster.class)))
                .switchIfEmpty(Mono.error(() -> QueryProblems.notFound("course", id)))
                .map(Roster::trainees);
    }
}
