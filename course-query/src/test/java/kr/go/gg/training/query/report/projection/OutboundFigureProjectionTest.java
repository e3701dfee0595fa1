package kr.go.gg.training.query.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.outbound.OutboundSummaryRecorded;
import kr.go.gg.training.api.outbound.RecordOutboundSummary;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import kr.go.gg.training.query.MongoProjectionTest;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A year's printed outbound figure in the yearly report, on the wire server: counted in outbound, never as a row. */
class OutboundFigureProjectionTest extends MongoProjectionTest {

    private static final String Y2016 = RecordOutboundSummary.idFor(2016);
    private static final List<Province> FOUR = List.of(Province.of("Liaoning"), Province.of("Jiangsu"),
            Province.of("Hebei"), Province.of("Shandong"));

    private YearlyPerformanceProjection projection;

    @BeforeEach
    void setUp() {
        projection = new YearlyPerformanceProjection(database, SimpleQueryUpdateEmitter.builder().build(), new ReadModelClaim());
    }

    private Year year(int year) {
        return projection.handle(new FindYearlyPerformance(year, year)).years().get(0);
    }

    @Test
    void a_printed_outbound_figure_counts_in_its_years_outbound_and_in_no_group() {
        deliver(projection, event(Y2016, new OutboundSummaryRecorded(Y2016, 2016, 4, 64, FOUR)));

        Year y2016 = year(2016);
        assertThat(y2016.outbound()).isEqualTo(new Count(4, 64));
        assertThat(y2016.courses()).isZero();
        assertThat(y2016.people()).isZero();
        assertThat(y2016.groups()).allMatch(group -> group.rows().isEmpty());
    }

    @Test
    void real_outbound_courses_and_the_printed_figure_count_together() {
        deliver(projection, event(Y2016, new OutboundSummaryRecorded(Y2016, 2016, 4, 64, FOUR)),
                event("o", new HistoricalCourseImported(new CourseId("o"), null, Program.CHINA_EXCHANGE, Direction.OUTBOUND,
                        "Hebei", period("2016-10-10", "2016-10-14"), 16, "seed")),
                event("i", new HistoricalCourseImported(new CourseId("i"), null, Program.CHINA_EXCHANGE, Direction.INBOUND,
                        "Shandong", period("2016-06-29", "2016-07-12"), 14, "seed")));

        Year y2016 = year(2016);
        assertThat(y2016.outbound()).isEqualTo(new Count(5, 80));
        assertThat(y2016.courses()).isEqualTo(1);
        assertThat(y2016.people()).isEqualTo(14);
    }

    @Test
    void duplicate_delivery_and_replay_leave_the_same_figure() {
        deliver(projection, event(Y2016, new OutboundSummaryRecorded(Y2016, 2016, 4, 64, FOUR)));
        var once = documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS);
        YearlyPerformanceReport report = projection.handle(new FindYearlyPerformance(null, null));
        deliver(projection, stream);
        replay(projection, 1);
        assertThat(documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS)).isEqualTo(once);
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(report);
    }
}
