package kr.go.gg.training.query.report.web;

import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.FindYearlyPerformanceAsOf;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.web.EventStreams;
import kr.go.gg.training.query.platform.web.QueryProblems;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The yearly performance report, once or as a live stream (a subscription query). */
@RestController
@Tag(name = QueryApiDocs.REPORTS)
public class ReportController {

    private final QueryGateway queries;
    private final EventStreams streams;
    private final ReadYourWrites readYourWrites;

    public ReportController(QueryGateway queries, EventStreams streams, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.streams = streams;
        this.readYourWrites = readYourWrites;
    }

    /**
     * {@code minPosition}: answered once the read models hold every event up to it, read afresh ({@link ReadYourWrites}).
     * {@code asOf}: the report as it stood at that past instant, folded from the events (asynchronously: no worker
     * thread waits for the fold).
     */
    @Operation(summary = "The yearly performance report", description = "The newest year first; from must not be"
            + " after to. With asOf: the report as it stood at that past instant (what was printed or submitted"
            + " then), folded from the events up to it by the report's own rules")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "429", description = "Too many wrong passwords for this user name or from this"
            + " address; or, with asOf, too many reports as of an instant being folded on this node: retry after"
            + " Retry-After seconds")
    @GetMapping("/api/reports/yearly-performance")
    public Mono<YearlyPerformanceReport> report(@Parameter(example = "2014") @RequestParam(required = false) Integer from,
                                                @Parameter(example = "2016") @RequestParam(required = false) Integer to,
                                                @Parameter(description = "Answer once the read models hold every event up to this position (a command's X-Event-Position)") @RequestParam(required = false) Long minPosition,
                                                @Parameter(description = "A past UTC instant: the report as it stood then; not with minPosition", example = "2016-12-31T15:00:00Z")
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        FindYearlyPerformance query = query(from, to).fresh(minPosition != null);
        if (asOf != null) {
            return asOf(query, asOf, minPosition);
        }
        return readYourWrites.atPosition(minPosition, () -> queries.query(query, instanceOf(YearlyPerformanceReport.class)));
    }

    private Mono<YearlyPerformanceReport> asOf(FindYearlyPerformance range, Instant asOf, Long minPosition) {
        if (asOf.isAfter(Instant.now())) {
            throw new InvalidValueException("asOf", "must not be in the future");
        }
        if (minPosition != null) {
            throw new InvalidValueException("minPosition", "cannot be combined with asOf (a past instant is read from"
                    + " the events, not from the read models)");
        }
        return Mono.fromFuture(() -> queries.query(new FindYearlyPerformanceAsOf(range.from(), range.to(), asOf),
                instanceOf(YearlyPerformanceReport.class)));
    }

    /**
     * Server-sent events named {@code report}: the report on connect, then again after every batch of the
     * report's processor that changed a year in range.
     */
    @Operation(summary = "Follow the yearly performance report", description = "Server-sent events named report: the"
            + " report on connect and whenever a year in range changes")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(mediaType =
            MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string", description = "Events named report,"
            + " each one's data a report as GET /api/reports/yearly-performance answers it")))
    @ApiResponse(responseCode = "503", description = "Too many streams are open on this node, or the read side"
            + " cannot answer now; retry after Retry-After seconds")
    @GetMapping(path = "/api/reports/yearly-performance/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@Parameter(example = "2014") @RequestParam(required = false) Integer from,
                             @Parameter(example = "2016") @RequestParam(required = false) Integer to) {
        streams.refuseWhenFull();
        SubscriptionQueryResult<YearlyPerformanceReport, YearlyPerformanceReport> result = queries.subscriptionQuery(
                query(from, to), instanceOf(YearlyPerformanceReport.class), instanceOf(YearlyPerformanceReport.class));
        // the first report before the stream opens: once the emitter is returned the answer is committed as 200, and
        // a failure of the query bus (Axon Server down) could no longer be a 503
        YearlyPerformanceReport initial = initialResult(result);
        return streams.open(initial, result.updates().map(report -> report.within(from, to)), "report", result::close);
    }

    /** The initial result (at most {@link #INITIAL_WAIT}); the subscription is closed when it fails. */
    static <I> I initialResult(SubscriptionQueryResult<I, ?> result) {
        try {
            return result.initialResult().block(INITIAL_WAIT);
        } catch (RuntimeException e) {
            EventStreams.once(result::close).run();
            throw e;
        }
    }

    static final Duration INITIAL_WAIT = Duration.ofSeconds(10);

    private static FindYearlyPerformance query(Integer from, Integer to) {
        if (from != null) {
            QueryProblems.checkYear(from, "from");
        }
        if (to != null) {
            QueryProblems.checkYear(to, "to");
        }
        if (from != null && to != null && from > to) {
            throw new InvalidValueException("from", "must not be after to (" + to + ")");
        }
        return new FindYearlyPerformance(from, to);
    }
}
