package kr.go.gg.training.query.web;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.io.IOException;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.report.YearlyPerformanceProjection;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/** The yearly performance report, once or as a live stream (a subscription query). */
@RestController
public class ReportController {

    private final QueryGateway queries;
    private final ReportStreams streams;

    ReportController(QueryGateway queries, ReportStreams streams) {
        this.queries = queries;
        this.streams = streams;
    }

    @GetMapping("/api/reports/yearly-performance")
    public YearlyPerformanceReport report(@RequestParam(required = false) Integer from,
                                          @RequestParam(required = false) Integer to) {
        return queries.query(query(from, to), instanceOf(YearlyPerformanceReport.class)).join();
    }

    /**
     * Server-sent events named {@code report}: the report on connect, then again after every batch of the
     * report's processor that changed a year in range. Sent on a separate scheduler so a slow client never
     * holds up the event processor; the subscription closes when the client goes away.
     */
    @GetMapping(path = "/api/reports/yearly-performance/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        SubscriptionQueryResult<YearlyPerformanceReport, YearlyPerformanceReport> result = queries.subscriptionQuery(
                query(from, to), instanceOf(YearlyPerformanceReport.class), instanceOf(YearlyPerformanceReport.class));
        SseEmitter emitter = new SseEmitter(0L); // no timeout: dashboards stay connected
        Disposable subscription = result.initialResult()
                .concatWith(result.updates().map(report -> YearlyPerformanceProjection.within(report, from, to)))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(report -> {
                    try {
                        emitter.send(SseEmitter.event().name("report").data(report, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException gone) {
                        result.close();
                    }
                }, emitter::completeWithError, emitter::complete);
        Runnable close = () -> {
            subscription.dispose();
            result.close();
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        streams.add(emitter);
        return emitter;
    }

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
