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
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KOICA pipeline of a year (docs/api.md), answered through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.PIPELINE)
public class PipelineQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    /** Today's date for {@code overdue}: the system clock, unless a test's context supplies one. */
    private final Clock clock;

    @Autowired
    public PipelineQueryController(QueryGateway queries, ReadYourWrites readYourWrites, ObjectProvider<Clock> clock) {
        this(queries, readYourWrites, clock.getIfUnique(Clock::systemUTC));
    }

    public PipelineQueryController(QueryGateway queries, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}; {@code asOf}: see {@link AsOfDay}. */
    @Operation(summary = "A year's KOICA courses by stage", description = "Every stage is present, possibly empty;"
            + " each course has its nextStep, the date it is due by KOICA's calendar and whether it is overdue")
    @ApiResponse(responseCode = "200", description = "The pipeline")
    @GetMapping("/api/pipeline")
    public Mono<KoicaPipeline> pipeline(@Parameter(example = "2016") @RequestParam int year,
                                        @Parameter(description = "Answer once the read models hold every event up to this position (a command's X-Event-Position)") @RequestParam(required = false) Long minPosition,
                                        @Parameter(description = "Judge overdue as of this day (a date) or instant (with"
                                                + " its offset, taken as the day in Seoul); default today in Seoul",
                                                example = "2016-02-11") @RequestParam(required = false) String asOf) {
        QueryProblems.checkYear(year, "year");
        FindKoicaPipeline query = new FindKoicaPipeline(year, AsOfDay.of(asOf, clock));
        return readYourWrites.atPosition(minPosition, () -> queries.query(query, instanceOf(KoicaPipeline.class)));
    }
}
