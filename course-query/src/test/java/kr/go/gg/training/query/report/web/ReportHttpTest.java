package kr.go.gg.training.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The yearly report over real HTTP. */
class ReportHttpTest extends QueryApplicationTest {

    @Test
    void theYearlyReportIsComputedFromEventsNewestYearFirst() throws Exception {
        String china = newId();
        String koica = newId();
        String outbound = newId();
        append("Course", china, 0, new HistoricalCourseImported(new CourseId(china), null, Program.CHINA_EXCHANGE,
                Direction.INBOUND, "Liaoning", new Period(LocalDate.of(2044, 6, 1), LocalDate.of(2044, 6, 10)), 15, "test"));
        append("Course", koica, 0, new HistoricalCourseImported(new CourseId(koica), null, Program.KOICA,
                Direction.INBOUND, "Ghana", new Period(LocalDate.of(2045, 6, 1), LocalDate.of(2045, 6, 10)), 20, "test"));
        append("Course", outbound, 0, new HistoricalCourseImported(new CourseId(outbound), null, Program.CHINA_EXCHANGE,
                Direction.OUTBOUND, "Shandong", new Period(LocalDate.of(2045, 9, 1), LocalDate.of(2045, 9, 5)), 16, "test"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/reports/yearly-performance?from=2044&to=2045")).get("years")).hasSize(2));

        JsonNode years = body(get("viewer", "/api/reports/yearly-performance?from=2044&to=2045")).get("years");
        JsonNode y2045 = years.get(0);
        assertThat(y2045.get("year").asInt()).isEqualTo(2045);
        assertThat(y2045.get("courses").asInt()).isEqualTo(1);
        assertThat(y2045.get("people").asInt()).isEqualTo(20);
        assertThat(y2045.get("outbound").get("courses").asInt()).isEqualTo(1);
        assertThat(y2045.get("outbound").get("people").asInt()).isEqualTo(16);
        JsonNode developing = y2045.get("groups").get(1);
        assertThat(developing.get("program").asText()).isEqualTo("KOICA");
        assertThat(developing.get("label").asText()).isEqualTo("Developing Countries");
        assertThat(developing.get("remarks").asText()).isEqualTo("KOICA Cost Sharing");
        assertThat(developing.get("courses").asInt()).isEqualTo(1);
        assertThat(developing.get("people").asInt()).isEqualTo(20);
        JsonNode row = developing.get("rows").get(0);
        assertThat(row.get("courseId").asText()).isEqualTo(koica);
        assertThat(row.get("partner").asText()).isEqualTo("Ghana");
        assertThat(row.get("startDate").asText()).isEqualTo("2045-06-01");
        assertThat(row.get("endDate").asText()).isEqualTo("2045-06-10");
        assertThat(row.get("people").asInt()).isEqualTo(20);
        JsonNode y2044 = years.get(1);
        assertThat(y2044.get("year").asInt()).isEqualTo(2044);
        assertThat(y2044.get("groups").get(0).get("label").asText()).isEqualTo("China");
        assertThat(y2044.get("groups").get(0).get("remarks").asText()).isEqualTo("Independent Project");
        assertThat(y2044.get("groups").get(0).get("people").asInt()).isEqualTo(15);

        assertProblem(get("viewer", "/api/reports/yearly-performance?from=2045&to=2044"), 400);
        assertProblem(get("viewer", "/api/reports/yearly-performance?from=soon"), 400);
    }
}
