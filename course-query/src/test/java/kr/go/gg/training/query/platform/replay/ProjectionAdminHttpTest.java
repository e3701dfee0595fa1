package kr.go.gg.training.query.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

class ProjectionAdminHttpTest extends QueryApplicationTest {

    private final ObjectMapper json = new ObjectMapper();
    @Autowired
    ProjectionAdmin admin;

    private HttpResponse<String> post(String user, String path) throws Exception {
        return http.send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode projection(String name) throws Exception {
        for (JsonNode status : json.readTree(get("auditor", "/api/admin/projections").body())) {
            if (status.get("name").asText().equals(name)) {
                return status;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    @Test
    void aReplayRebuildsTheRosterWhileStatusShowsPositions() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Replayed", Program.KOICA, Direction.INBOUND, "Nepal", 10, 2071));
        append("Course", id, 1, new CourseScheduled(course, new Period(LocalDate.of(2071, 5, 3), LocalDate.of(2071, 5, 9))));
        append("Course", id, 2, TestEnrolments.plain(course, new TraineeId("n1"),
                new Trainee("Sita", "Nepal", "Ministry", "Officer", null), 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("staff", "/api/courses/" + id + "/trainees").body()).contains("Sita"));
        String roster = get("staff", "/api/courses/" + id + "/trainees").body();

        HttpResponse<String> list = get("auditor", "/api/admin/projections");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode statuses = json.readTree(list.body());
        assertThat(statuses.findValuesAsText("name")).containsExactlyElementsOf(ProcessingGroups.ALL);
        for (JsonNode status : statuses) {
            assertThat(status.get("replaying").isBoolean()).isTrue();
            assertThat(status.get("progress").asDouble()).isBetween(0.0, 1.0);
            assertThat(status.get("head").asLong()).isGreaterThanOrEqualTo(status.get("position").asLong());
        }

        HttpResponse<String> replay = post("admin", "/api/admin/projections/rosters/replay");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        JsonNode accepted = json.readTree(replay.body()); // as the reset left it, however fast the replay runs
        assertThat(accepted.get("name").asText()).isEqualTo("rosters");
        assertThat(accepted.get("replaying").asBoolean()).as(replay.body()).isTrue();
        assertThat(accepted.get("progress").asDouble()).as(replay.body()).isEqualTo(0.0);
        assertThat(accepted.get("position").asLong()).as(replay.body()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rosters = projection("rosters");
            assertThat(rosters.get("replaying").asBoolean()).isFalse(); // switched
            assertThat(rosters.get("position").asLong()).isEqualTo(rosters.get("head").asLong());
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("staff", "/api/courses/" + id + "/trainees").body()).isEqualTo(roster));
        for (JsonNode status : json.readTree(get("auditor", "/api/admin/projections").body())) {
            assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.get("progress").asDouble()).as(status.toString()).isEqualTo(1.0);
        }

        HttpResponse<String> forbidden = post("auditor", "/api/admin/projections/rosters/replay");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post("admin", "/api/admin/projections/nonsense/replay");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theOtherProjectionsKeepAnsweringWhileOneIsReplayed() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Kept", Program.KOICA, Direction.INBOUND, "Laos", 10, 2072));
        append("Course", id, 1, TestEnrolments.plain(course, new TraineeId("l1"),
                new Trainee("Noy", "Laos", "Ministry", "Officer", null), 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("staff", "/api/courses/" + id + "/trainees").body()).contains("Noy"));
        String summary = get("viewer", "/api/courses/" + id).body();
        String listing = get("viewer", "/api/courses?year=2072").body();

        assertThat(post("admin", "/api/admin/projections/audit-log/replay").statusCode()).isEqualTo(202);
        for (int i = 0; i < 20; i++) { // never 404 or empty: the summaries are not dropped by the audit log's replay
            assertThat(get("viewer", "/api/courses/" + id).body()).isEqualTo(summary);
            assertThat(get("viewer", "/api/courses?year=2072").body()).isEqualTo(listing);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode audit = projection("audit-log");
            assertThat(audit.get("replaying").asBoolean()).isFalse();
            assertThat(audit.get("position").asLong()).isEqualTo(audit.get("head").asLong());
        });
        assertThat(projection("course-summaries").get("replaying").asBoolean()).isFalse();
    }

    @Test
    void aReplayAskedForDuringAnotherReplayRunsBesideItAndAReplayAskedAgainAnswersTheRunningOne() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Twice", Program.KOICA, Direction.INBOUND, "Chad", 10, 2073));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));
        String summary = get("viewer", "/api/courses/" + id).body();
        admin.holdSwitch(ProcessingGroups.ROSTERS, new java.util.concurrent.CountDownLatch(1));
        try {
            assertThat(post("admin", "/api/admin/projections/rosters/replay").statusCode()).isEqualTo(202);
            assertThat(post("admin", "/api/admin/projections/course-summaries/replay").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode summaries = projection("course-summaries");
                assertThat(summaries.get("replaying").asBoolean()).isFalse();
                assertThat(summaries.get("position").asLong()).isEqualTo(summaries.get("head").asLong());
            });
            // the rosters' rebuild still waits for its switch: asked again, the replay answers that one
            HttpResponse<String> again = post("admin", "/api/admin/projections/rosters/replay");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(json.readTree(again.body()).get("replaying").asBoolean()).isTrue();
        } finally {
            admin.releaseSwitch(ProcessingGroups.ROSTERS);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(projection("rosters").get("replaying").asBoolean()).isFalse());
        assertThat(get("viewer", "/api/courses/" + id).body()).isEqualTo(summary);
    }

    @Test
    void replayingEveryProjectionOneRightAfterTheOtherLeavesTheProcessorRunningAndTheAnswersEqual() throws Exception {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Six", Program.KOICA, Direction.INBOUND, "Togo", 10, 2074));
        append("Course", id, 1, TestEnrolments.plain(course, new TraineeId("t1"),
                new Trainee("Ama", "Togo", "Ministry", "Officer", null), 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("staff", "/api/courses/" + id + "/trainees").body()).contains("Ama"));
        String summary = get("viewer", "/api/courses/" + id).body();
        String roster = get("staff", "/api/courses/" + id + "/trainees").body();

        for (String name : ProcessingGroups.ALL) {
            assertThat(post("admin", "/api/admin/projections/" + name + "/replay").statusCode()).as(name).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (JsonNode status : json.readTree(get("auditor", "/api/admin/projections").body())) {
                assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
                assertThat(status.get("position").asLong()).as(status.toString()).isEqualTo(status.get("head").asLong());
            }
        });
        assertThat(get("viewer", "/api/courses/" + id).body()).isEqualTo(summary);
        assertThat(get("staff", "/api/courses/" + id + "/trainees").body()).isEqualTo(roster);
    }
}
