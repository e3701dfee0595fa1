package kr.go.gg.training.query.course.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

class QueryHttpTest extends QueryApplicationTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(response).get("status").asInt()).isEqualTo(status);
        assertThat(body(response).has("title")).isTrue();
    }

    private String proposeScheduledCourse(int year, Program program) {
        String id = newId();
        CourseId courseId = new CourseId(id);
        append("Course", id, 0, new CourseProposed(courseId, "Smart city", program, Direction.INBOUND, "Peru", 20, null));
        append("Course", id, 1, new CourseScheduled(courseId, new Period(LocalDate.of(year, 5, 4), LocalDate.of(year, 5, 15))));
        return id;
    }

    @Test
    void coursesAreListedByYearProgramAndStatusAndFoundById() throws Exception {
        String id = proposeScheduledCourse(2041, Program.KOICA);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));

        JsonNode course = body(get("viewer", "/api/courses/" + id));
        assertThat(course.get("courseId").asText()).isEqualTo(id);
        assertThat(course.get("title").asText()).isEqualTo("Smart city");
        assertThat(course.get("program").asText()).isEqualTo("KOICA");
        assertThat(course.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(course.get("partner").asText()).isEqualTo("Peru");
        assertThat(course.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(course.get("capacity").asInt()).isEqualTo(20);
        assertThat(course.get("enrolled").asInt()).isZero();
        assertThat(course.get("startDate").asText()).isEqualTo("2041-05-04");
        assertThat(course.get("endDate").asText()).isEqualTo("2041-05-15");

        JsonNode byYear = body(get("staff", "/api/courses?year=2041&program=KOICA&status=SCHEDULED"));
        assertThat(byYear).hasSize(1);
        assertThat(byYear.get(0)).isEqualTo(course);
        assertThat(body(get("staff", "/api/courses?year=2041&status=COMPLETED"))).isEmpty();
        assertThat(body(get("auditor", "/api/courses?status=SCHEDULED")).findValuesAsText("courseId")).contains(id);

        assertProblem(get("viewer", "/api/courses?year=twenty"), 400);
        assertThat(body(get("viewer", "/api/courses?year=twenty")).get("errors").get(0).get("field").asText()).isEqualTo("year");
        assertProblem(get("viewer", "/api/courses?year=1850"), 400);
        assertProblem(get("viewer", "/api/courses?status=FINISHED"), 400);
        assertProblem(get("viewer", "/api/courses?program=ERASMUS"), 400);
        assertProblem(get("viewer", "/api/courses/" + newId()), 404);
        assertProblem(get(null, "/api/courses"), 401);
    }

    @Test
    void minVersionWaitsForTheReadModelToCatchUp() throws Exception {
        String id = newId();
        CourseId courseId = new CourseId(id);
        append("Course", id, 0, new CourseProposed(courseId, "Later", Program.CHINA_EXCHANGE, Direction.INBOUND, "Hebei", 9, 2042));
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                request("viewer", "/api/courses/" + id + "?minVersion=1").GET().build(), HttpResponse.BodyHandlers.ofString());
        TimeUnit.MILLISECONDS.sleep(300);
        append("Course", id, 1, new CourseScheduled(courseId, new Period(LocalDate.of(2042, 3, 2), LocalDate.of(2042, 3, 6))));

        HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Course-Version")).hasValue("1");
        assertThat(body(response).get("status").asText()).isEqualTo("SCHEDULED");

        HttpResponse<String> ahead = get("viewer", "/api/courses/" + id + "?minVersion=5");
        assertProblem(ahead, 503);
        assertThat(ahead.headers().firstValue("Retry-After")).isPresent();
        assertProblem(get("viewer", "/api/courses/" + newId() + "?minVersion=0"), 404);
    }

    @Test
    void rostersArePersonalDataNotForViewers() throws Exception {
        String id = proposeScheduledCourse(2043, Program.KOICA);
        append("Course", id, 2, new TraineeEnrolled(new CourseId(id), new TraineeId("t-1"),
                new Trainee("Ana Ruiz", "Peru", "Ministry of Economy", "Director", TraineeLevel.HIGH_RANKING), 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("staff", "/api/courses/" + id + "/trainees"))).hasSize(1));

        JsonNode trainee = body(get("auditor", "/api/courses/" + id + "/trainees")).get(0);
        assertThat(trainee.get("traineeId").asText()).isEqualTo("t-1");
        assertThat(trainee.get("name").asText()).isEqualTo("Ana Ruiz");
        assertThat(trainee.get("country").asText()).isEqualTo("Peru");
        assertThat(trainee.get("organization").asText()).isEqualTo("Ministry of Economy");
        assertThat(trainee.get("position").asText()).isEqualTo("Director");
        assertThat(trainee.get("level").asText()).isEqualTo("HIGH_RANKING");
        assertThat(trainee.get("status").asText()).isEqualTo("ENROLLED");
        assertThat(get("admin", "/api/courses/" + id + "/trainees").statusCode()).isEqualTo(200);

        assertProblem(get("viewer", "/api/courses/" + id + "/trainees"), 403);
        assertProblem(get(null, "/api/courses/" + id + "/trainees"), 401);
        assertProblem(get("staff", "/api/courses/" + newId() + "/trainees"), 404);
    }

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

    @Test
    void thePipelineNeedsAYearAndListsEveryStage() throws Exception {
        String id = newId();
        append("Course", id, 0, new CourseProposed(new CourseId(id), "Water", Program.KOICA, Direction.INBOUND, "Laos", 12, 2046));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/pipeline?year=2046")).get("stages").get("PROPOSED")).hasSize(1));
        JsonNode stages = body(get("viewer", "/api/pipeline?year=2046")).get("stages");
        for (CourseStatus status : CourseStatus.values()) {
            assertThat(stages.has(status.name())).as(status.name()).isTrue();
        }
        assertThat(stages.get("PROPOSED").get(0).get("courseId").asText()).isEqualTo(id);
        assertProblem(get("viewer", "/api/pipeline"), 400);
        assertThat(body(get("viewer", "/api/pipeline")).get("errors").get(0).get("field").asText()).isEqualTo("year");
        assertProblem(get("viewer", "/api/pipeline?year=x"), 400);
    }

    @Test
    void agreementsShowWhetherTheyAreInForce() throws Exception {
        String past = newId();
        String future = newId();
        append("Agreement", past, 0, new AgreementRecorded(new AgreementId(past), Province.of("Jiangsu"),
                AgreementClassification.GENERAL, YearMonth.of(2013, 1)));
        append("Agreement", future, 0, new AgreementRecorded(new AgreementId(future), Province.of("Hebei"),
                AgreementClassification.EXECUTIVES, YearMonth.of(2098, 1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/agreements")).findValuesAsText("agreementId")).contains(past, future));
        for (JsonNode agreement : body(get("viewer", "/api/agreements"))) {
            if (agreement.get("agreementId").asText().equals(past)) {
                assertThat(agreement.get("province").asText()).isEqualTo("Jiangsu");
                assertThat(agreement.get("classification").asText()).isEqualTo("GENERAL");
                assertThat(agreement.get("signedOn").asText()).isEqualTo("2013-01");
                assertThat(agreement.get("inForce").asBoolean()).isTrue();
            } else if (agreement.get("agreementId").asText().equals(future)) {
                assertThat(agreement.get("inForce").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void adminPathsAreForAdminsAndAuditorsMayListProjections() throws Exception {
        assertProblem(get("viewer", "/api/admin/projections"), 403);
        assertProblem(get("staff", "/api/admin/projections"), 403);
        assertProblem(get(null, "/api/admin/projections"), 401);
        assertThat(get("auditor", "/api/admin/projections").statusCode()).isEqualTo(200);
        assertThat(get("admin", "/api/admin/projections").statusCode()).isEqualTo(200);
        var replayAsAuditor = http.send(request("auditor", "/api/admin/projections/rosters/replay")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(replayAsAuditor, 403);
    }

    @Test
    void healthIsOpenAndUpWhenMongoAnswers() throws Exception {
        HttpResponse<String> health = get(null, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asText()).isEqualTo("UP");
        assertThat(List.of(get(null, "/v3/api-docs").statusCode())).containsExactly(200);
    }
}
