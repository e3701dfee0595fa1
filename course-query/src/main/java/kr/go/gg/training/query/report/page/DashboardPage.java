package kr.go.gg.training.query.report.page;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.platform.page.WebPage;
import kr.go.gg.training.query.platform.web.EventStreams;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard ({@code /}): the yearly performance table in the seed's layout, its chart, and a live stream that
 * tells the open page when the report changed (the page then fetches the table fragment again: one rendering, on the
 * server, for the first draw and every update). The print view is the same table without the page's chrome.
 */
@Controller
@WebPage
public class DashboardPage {

    private final QueryGateway queries;
    private final EventStreams streams;
    private final PrintedTotals printed;
    private final ObjectMapper json;

    public DashboardPage(QueryGateway queries, EventStreams streams, PrintedTotals printed, ObjectMapper json) {
        this.queries = queries;
        this.streams = streams;
        this.printed = printed;
        this.json = json;
    }

    @GetMapping("/")
    public String dashboard(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                            Model model) {
        table(from, to, model);
        return "pages/dashboard";
    }

    /** The table and the chart's data alone, as the live page swaps them in. */
    @GetMapping("/dashboard/table")
    public String fragment(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                           Model model) {
        table(from, to, model);
        return "pages/dashboard :: report";
    }

    @GetMapping("/report/print")
    public String print(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                        Model model) {
        table(from, to, model);
        return "pages/print";
    }

    /** Events named {@code changed} (a counter, nothing of the report) each time a year in range changes. */
    @GetMapping(path = "/dashboard/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        streams.refuseWhenFull();
        SubscriptionQueryResult<YearlyPerformanceReport, YearlyPerformanceReport> result = queries.subscriptionQuery(
                query(from, to), instanceOf(YearlyPerformanceReport.class), instanceOf(YearlyPerformanceReport.class));
        AtomicLong changes = new AtomicLong();
        return streams.open(changes.get(), result.updates()
                .filter(report -> !report.within(from, to).years().isEmpty())
                .map(report -> changes.incrementAndGet()), "changed", result::close);
    }

    ReportTable report(Integer from, Integer to) {
        YearlyPerformanceReport report = queries.query(query(from, to), instanceOf(YearlyPerformanceReport.class)).join();
        return ReportTable.of(json.valueToTree(report), printed);
    }

    private void table(Integer from, Integer to, Model model) {
        ReportTable table = report(from, to);
        model.addAttribute("table", table);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            // a data island, never markup: no "<" can close its script element
            model.addAttribute("chartJson", json.writeValueAsString(table.chart()).replace("<", "\\u003c"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static FindYearlyPerformance query(Integer from, Integer to) {
        if (from != null) {
            QueryProblems.checkYear(from, "from");
        }
        if (to != null) {
            QueryProblems.checkYear(to, "to");
        }
        return from != null && to != null && from > to ? new FindYearlyPerformance(to, from) : new FindYearlyPerformance(from, to);
    }
}
