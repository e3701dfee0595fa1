package kr.go.gg.training.query.pipeline.web;

import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.query.platform.web.QueryProblems;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KOICA pipeline of a year (docs/api.md), answered through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.PIPELINE)
public class PipelineQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public PipelineQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @Operation(summary = "A year's KOICA courses by stage", description = "Every stage is present, possibly empty")
    @ApiResponse(responseCode = "200", description = "The pipeline")
    @GetMapping("/api/pipeline")
    public Mono<KoicaPipeline> pipeline(@Parameter(example = "2016") @RequestParam int year,
                                        @Parameter(description = "Answer once the read models hold every event up to this position (a command's X-Event-Position)") @RequestParam(required = false) Long minPosition) {
        QueryProblems.checkYear(year, "year");
        return readYourWrites.atPosition(minPosition,
                () -> queries.query(new FindKoicaPipeline(year), instanceOf(KoicaPipeline.class)));
    }
}
