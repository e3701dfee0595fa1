package kr.go.gg.training.query.platform.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseSummaries;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.FindCourses;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.CourseQueryApplication;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.api.ReadModelNotReady;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 17: a read-model file written by the code before the year rows (layout 1: one document per year, no stored
 * layout) is rebuilt at start: until its rebuild switches, its queries answer 503 (never a half-built model); then
 * the new shapes answer, the former year documents are gone, the new layouts stored.
 * Two starts of the query application on one data folder (the read models on the wire server's H2 file).
 */
class ReadModelLayoutsTest {

    private static final List<String> NEW_SHAPES = List.of("course_year_rows", "pipeline_year_rows",
            "yearly_performance_rows", "yearly_performance_years");

    @Test
    void aReadModelFileOfTheFormerLayoutIsRebuiltAtStartAndAnswersFromTheNewShapes() throws Exception {
        Path dataDir = Files.createTempDirectory("course-query-layout");
        String id = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("Course", id, 0,
                    new HistoricalCourseImported(new CourseId(id), null, Program.KOICA, Direction.INBOUND, "Ghana",
                            new Period(LocalDate.of(2051, 6, 1), LocalDate.of(2051, 6, 10)), 12, "test"), Map.of()));
            MongoDatabase database = first.getBean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    database.getCollection("yearly_performance_rows").countDocuments() == 1
                            && database.getCollection("pipeline_year_rows").countDocuments() == 1);
            writeTheFormerLayout(database, id);
        }

        CountDownLatch release = new CountDownLatch(1);
        try (ConfigurableApplicationContext second = start(dataDir, release)) {
            QueryGateway queries = second.getBean(QueryGateway.class);
            ProjectionAdmin admin = second.getBean(ProjectionAdmin.class);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.status(ProcessingGroups.YEARLY_PERFORMANCE).replaying());
            assertThatThrownBy(() -> queries.query(new FindYearlyPerformance(2051, 2051),
                    YearlyPerformanceReport.class).get()).as("the first build of the new layout has not switched")
                    .hasCauseInstanceOf(ReadModelNotReady.class);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort()
                            + "/api/reports/yearly-performance?from=2051&to=2051"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "staff:staff-secret".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("being rebuilt for a new version").doesNotContain("Exception");
            release.countDown();
            admin.releaseSwitch(ProcessingGroups.YEARLY_PERFORMANCE);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                YearlyPerformanceReport report = queries.query(new FindYearlyPerformance(2051, 2051),
                        YearlyPerformanceReport.class).get();
                assertThat(report.years()).hasSize(1);
                assertThat(report.years().get(0).people()).isEqualTo(12);
                assertThat(queries.query(new FindCourses(2051, null, null), CourseSummaries.class).get().courses())
                        .extracting(c -> c.courseId()).containsExactly(id);
                assertThat(queries.query(new FindKoicaPipeline(2051), KoicaPipeline.class).get().stages()
                        .get(CourseStatus.COMPLETED)).hasSize(1);
            });
            MongoDatabase database = second.getBean(MongoDatabase.class);
            assertThat(database.listCollectionNames().into(new ArrayList<>()))
                    .doesNotContain("course_years", "pipeline_years", "yearly_performance");
            ReadModelLayouts layouts = second.getBean(ReadModelLayouts.class);
            assertThat(layouts.stored(ProcessingGroups.COURSE_SUMMARIES)).isEqualTo(3);
            assertThat(layouts.stored(ProcessingGroups.KOICA_PIPELINE)).isEqualTo(3);
            assertThat(layouts.stored(ProcessingGroups.YEARLY_PERFORMANCE)).isEqualTo(3);
            assertThat(layouts.stored(ProcessingGroups.ROSTERS)).isEqualTo(1);
            assertThat(layouts.stored(ProcessingGroups.COSTS)).isEqualTo(1);
        }
    }

    /** What the code before layout 2 left in the file: year documents, no rows, no stored layouts. */
    private static void writeTheFormerLayout(MongoDatabase database, String id) {
        NEW_SHAPES.forEach(name -> database.getCollection(name).drop());
        database.getCollection(ReadModelLayouts.LAYOUTS).drop();
        Document summary = database.getCollection("course_summaries").find(Filters.eq("_id", id)).first();
        database.getCollection("course_years").insertOne(new Document("_id", 2051)
                .append("courses", new Document(id, summary)));
        database.getCollection("pipeline_years").insertOne(new Document("_id", 2051)
                .append("courses", new Document(id, summary)));
        database.getCollection("yearly_performance").insertOne(new Document("_id", 2051).append("rows",
                new Document(id, new Document("program", "KOICA").append("direction", "INBOUND").append("partner", "Ghana")
                        .append("startDate", "2051-06-01").append("endDate", "2051-06-10").append("people", 12))));
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return start(dataDir, null);
    }

    /** {@code release}: the switch of yearly-performance's rebuild is held until it is counted down (null: none). */
    private static ConfigurableApplicationContext start(Path dataDir, CountDownLatch release) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CourseQueryApplication.class);
        if (release != null) {
            // started, not yet ready: the layout rebuilds begin once the application is ready
            builder.listeners((ApplicationListener<ApplicationStartedEvent>) started -> started.getApplicationContext()
                    .getBean(ProjectionAdmin.class).holdSwitch(ProcessingGroups.YEARLY_PERFORMANCE, release));
        }
        // arguments, not default properties: course-query.yml's data-dir would win over those
        return builder.run(
                "--server.port=0",
                "--course.data-dir=" + dataDir,
                "--course.mongo.persistent=true",
                "--course.security.users.staff.password={noop}staff-secret",
                "--course.security.users.staff.role=STAFF");
    }
}
