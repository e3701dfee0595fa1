package kr.go.gg.training.query.pipeline.web;

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

    public PipelineQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/pipeline")
    public KoicaPipeline pipeline(@RequestParam int year) {
        QueryProblems.checkYear(year, "year");
        return queries.query(new FindKoicaPipeline(year), instanceOf(KoicaPipeline.class)).join();
    }
}
