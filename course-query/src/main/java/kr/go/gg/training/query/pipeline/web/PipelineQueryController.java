package kr.go.gg.training.query.pipeline.web;

import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KOICA pipeline of a year (docs/api.md), answered through the query bus only. */
@RestController
public class PipelineQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public PipelineQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @GetMapping("/api/pipeline")
    public Mono<KoicaPipeline> pipeline(@RequestParam int year, @RequestParam(required = false) Long minPosition) {
        QueryProblems.checkYear(year, "year");
        return readYourWrites.atPosition(minPosition,
                () -> queries.query(new FindKoicaPipeline(year), instanceOf(KoicaPipeline.class)));
    }
}
