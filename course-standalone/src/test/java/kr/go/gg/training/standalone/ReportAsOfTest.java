package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The yearly report as of a past instant (docs/api.md, "The report as of an instant"): what the live report answered
 * at that instant, folded from the events up to it, whatever was done afterwards.
 */
class ReportAsOfTest extends StandaloneTestBase {

    private static final String REPORT = "/api/reports/yearly-performance";

    @Test
    void the_report_as_of_an_instant_is_the_live_report_taken_then_whatever_came_afterwards() {
        completedCourse("Hebei", "2033-04-01", "2033-04-10", "Wang");
        long position = importCourse("Peru", "2034-05-02", "2034-05-12", 11);
        String then = api.get("viewer", REPORT + "?minPosition=" + position).body();
        String thenInRange = api.get("viewer", REPORT + "?from=2033&to=2034").body();
        Instant asOf = pastMillisecond();

        completedCourse("Jiangsu", "2033-06-01", "2033-06-10", "Li");
        api.post("staff", "/api/courses", "{\"title\":\"Proposed only\",\"program\":\"KOICA\",\"direction\":\"INBOUND\","
                + "\"partner\":\"Laos\",\"capacity\":5}");
        long later = importCourse("Nepal", "2034-07-02", "2034-07-12", 9);
        String now = api.get("viewer", REPORT + "?minPosition=" + later).body();
        assertThat(now).as("the later commands changed the live report").isNotEqualTo(then);

        HttpApi.Answer folded = api.get("viewer", REPORT + "?asOf=" + asOf);
        assertThat(folded.status()).as(folded.body()).isEqualTo(200);
        assertThat(folded.body()).isEqualTo(then);
        assertThat(api.get("auditor", REPORT + "?from=2033&to=2034&asOf=" + asOf).body()).isEqualTo(thenInRange);
        assertThat(api.get("viewer", REPORT + "?asOf=" + pastMillisecond()).body()).isEqualTo(now);
    }

    @Test
    void the_report_as_of_an_instant_before_the_first_event_is_empty() {
        HttpApi.Answer empty = api.get("viewer", REPORT + "?asOf=2000-01-01T00:00:00Z");
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("years")).isEmpty();
    }

    @Test
    void an_instant_in_the_future_or_that_is_no_instant_is_a_bad_request_naming_the_parameter() {
        for (String bad : new String[] {Instant.now().plus(1, ChronoUnit.HOURS).toString(), "yesterday", "2016-06-29"}) {
            HttpApi.Answer answer = api.get("viewer", REPORT + "?asOf=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(answer.json().at("/errors/0/field").asText()).as(bad).isEqualTo("asOf");
        }
        HttpApi.Answer both = api.get("viewer", REPORT + "?asOf=2016-06-29T09:00:00Z&minPosition=1");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/errors/0/field").asText()).isEqualTo("minPosition");
        assertThat(api.get("viewer", REPORT + "?from=2017&to=2016&asOf=2016-06-29T09:00:00Z").status()).isEqualTo(400);
    }

    /**
     * Now to the millisecond (the event store keeps time to the millisecond), once that millisecond is over: every
     * event stamped later is stamped after it.
     */
    private static Instant pastMillisecond() {
        Instant instant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant)) {
            Thread.onSpinWait();
        }
        return instant;
    }

    private void completedCourse(String province, String start, String end, String trainee) {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", "{\"title\":\"" + province + " study\","
                + "\"program\":\"CHINA_EXCHANGE\",\"direction\":\"INBOUND\",\"partner\":\"" + province + "\",\"capacity\":5}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();
        assertThat(api.post("staff", course + "/schedule", "{\"startDate\":\"" + start + "\",\"endDate\":\"" + end
                + "\"}").status()).isEqualTo(204);
        assertThat(api.post("staff", course + "/trainees", "{\"name\":\"" + trainee + "\",\"country\":\"China\","
                + "\"organization\":\"" + province + "\",\"position\":\"Officer\"}").status()).isEqualTo(201);
        assertThat(api.post("staff", course + "/start", "{}").status()).isEqualTo(204);
        assertThat(api.post("staff", course + "/completion", "{}").status()).isEqualTo(204);
    }

    /** One KOICA course of the printed record; answers the import's event position. */
    private long importCourse(String partner, String start, String end, int people) {
        HttpApi.Answer imported = api.post("staff", "/api/imports/historical-courses", "{\"courses\":[{\"program\":"
                + "\"KOICA\",\"partner\":\"" + partner + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end
                + "\",\"people\":" + people + "}]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        return imported.json().get("position").asLong();
    }
}
