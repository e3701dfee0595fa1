package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes made general (docs/api.md): every command and the import answer the event position of the last
 * event written ({@code X-Event-Position}, and {@code position} in the import's body); a list query asked with
 * {@code minPosition} answers once the read models hold everything up to it. Asked right after the answer, with no
 * pause, as the README's example does.
 */
class ReadYourWritesTest extends StandaloneTestBase {

    private static final String[] PARTNERS = {"Peru", "Laos", "Nepal", "Iraq", "Haiti"};

    @Test
    void a_report_asked_with_the_imports_position_holds_every_course_it_imported_every_time() {
        for (int year = 2060; year < 2090; year++) {
            long position = importCourses(year);
            JsonNode report = api.get("viewer", "/api/reports/yearly-performance?from=" + year + "&to=" + year
                    + "&minPosition=" + position).json();
            assertThat(report.get("years")).as("year %d at position %d: %s", year, position, report).hasSize(1);
            assertThat(report.get("years").get(0).get("courses").asInt()).as("year %d", year).isEqualTo(PARTNERS.length);
            JsonNode courses = api.get("viewer", "/api/courses?year=" + year + "&minPosition=" + position).json();
            assertThat(courses).as("course list of %d", year).hasSize(PARTNERS.length);
        }
    }

    @Test
    void a_position_the_event_store_has_not_written_is_refused_at_once_with_a_conflict() {
        long position = importCourses(2059);
        for (String path : queries()) {
            HttpApi.Answer answer = api.get("admin", path + "minPosition=" + (position + 1_000_000));
            assertThat(answer.status()).as(path).isEqualTo(409);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).as(path).contains("has not been written");
        }
    }

    @Test
    void a_position_that_is_no_position_is_a_bad_request_naming_the_parameter() {
        for (String path : queries()) {
            for (String bad : new String[] {"-1", "abc", "1.5", "99999999999999999999"}) {
                HttpApi.Answer answer = api.get("admin", path + "minPosition=" + bad);
                assertThat(answer.status()).as(path + bad).isEqualTo(400);
                assertThat(answer.contentType()).as(path + bad).startsWith("application/problem+json");
                assertThat(answer.body()).as(path + bad).contains("minPosition");
            }
        }
    }

    /** Every list query that takes {@code minPosition}, ready for one more parameter. */
    private List<String> queries() {
        String course = api.get("viewer", "/api/courses?year=2015").json().get(0).get("courseId").asText();
        return List.of("/api/reports/yearly-performance?from=2014&to=2016&", "/api/courses?", "/api/pipeline?year=2015&",
                "/api/agreements?", "/api/audit-log?from=2026-01-01&to=2026-01-02&", "/api/courses/" + course + "/trainees?");
    }

    /** Imports one course per partner in {@code year}; answers the import's position. */
    private long importCourses(int year) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < PARTNERS.length; i++) {
            rows.add("{\"program\":\"KOICA\",\"partner\":\"" + PARTNERS[i] + "\",\"startDate\":\"" + year + "-0" + (i + 1)
                    + "-02\",\"endDate\":\"" + year + "-0" + (i + 1) + "-12\",\"people\":" + (10 + i) + "}");
        }
        HttpApi.Answer imported = api.post("staff", "/api/imports/historical-courses",
                "{\"courses\":[" + String.join(",", rows) + "]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(PARTNERS.length);
        return imported.json().get("position").asLong();
    }
}
