package kr.go.gg.training.query.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.CourseQueryApplication;
import kr.go.gg.training.query.audit.projection.AuditLogProjection;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import kr.go.gg.training.query.report.projection.YearlyPerformanceProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The module's own read-model processor with {@code course.query.segments=2} (two segments, two threads: one node
 * processes both) builds, from the events of many courses, agreements and users interleaved, exactly the read models
 * the processor of one segment builds: every document of every read-model collection, and the yearly report's
 * answer. A replay with two segments resets both and rebuilds the same documents again.
 */
class TwoSegmentsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final int COURSES = 48;

    @Test
    void twoSegmentsBuildWhatOneSegmentBuilds() throws Exception {
        List<EventMessage<?>> events = events();
        Map<String, List<Document>> oneSegment;
        YearlyPerformanceReport oneReport;
        try (ConfigurableApplicationContext one = start(1)) {
            publish(one, events);
            assertThat(processor(one).processingStatus()).hasSize(1);
            oneSegment = readModels(one);
            oneReport = report(one);
        }
        try (ConfigurableApplicationContext two = start(2)) {
            publish(two, events);
            // one node alone runs both segments, one thread each, and both segments' tokens are stored
            assertThat(processor(two).processingStatus()).hasSize(2);
            assertThat(two.getBean(StoredTokens.class).read(ProcessingGroups.AUDIT_LOG))
                    .extracting(StoredTokens.Stored::segment).containsExactly(0, 1);
            assertThat(readModels(two)).isEqualTo(oneSegment);
            assertThat(report(two)).isEqualTo(oneReport);

            // a replay rebuilds the same documents beside the live ones, and the processor goes on with both segments
            ProjectionAdmin admin = two.getBean(ProjectionAdmin.class);
            assertThat(admin.replay(ProcessingGroups.AUDIT_LOG)).hasValueSatisfying(s -> assertThat(s.replaying()).isTrue());
            caughtUp(two, events.size());
            // the switch restarts the processor: it claims both segments again shortly after
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(processor(two).processingStatus()).hasSize(2));
            assertThat(readModels(two)).isEqualTo(oneSegment);
        }
        assertThat(oneSegment.get(AuditLogProjection.AUDIT_LOG).stream()
                .mapToInt(c -> c.get("entries", Document.class).size()).sum()).isEqualTo(events.size());
        assertThat(oneReport.years()).isNotEmpty();
    }

    private static ConfigurableApplicationContext start(int segments) throws IOException {
        // arguments, not default properties: application.yml's own values must not win
        return new SpringApplicationBuilder(CourseQueryApplication.class).run(
                "--server.port=0",
                "--course.data-dir=" + Files.createTempDirectory("course-query-segments"),
                "--course.mongo.persistent=false",
                "--course.query.batch-size=7", // small batches: the segments' writes interleave
                "--course.query.segments=" + segments);
    }

    private static TrackingEventProcessor processor(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(ProcessingGroups.AUDIT_LOG, TrackingEventProcessor.class).orElseThrow();
    }

    private static void publish(ConfigurableApplicationContext context, List<EventMessage<?>> events) {
        EventStore store = context.getBean(EventStore.class);
        for (int i = 0; i < events.size(); i += 25) {
            store.publish(events.subList(i, Math.min(events.size(), i + 25)));
        }
        caughtUp(context, events.size());
    }

    /** Every segment has handled every event, and no replay runs. */
    private static void caughtUp(ConfigurableApplicationContext context, int events) {
        ProjectionAdmin admin = context.getBean(ProjectionAdmin.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                admin.statuses().stream().allMatch(s -> !s.replaying() && s.head() >= events - 1 && s.position() >= s.head()));
    }

    private static YearlyPerformanceReport report(ConfigurableApplicationContext context) {
        return context.getBean(YearlyPerformanceProjection.class).handle(new FindYearlyPerformance(null, null));
    }

    /**
     * Every document of every read-model collection of the live generations, by collection and id; the users of an
     * audit day in user order (which segment pushed its user first is either).
     */
    private static Map<String, List<Document>> readModels(ConfigurableApplicationContext context) {
        MongoDatabase database = context.getBean("readModelDatabase", MongoDatabase.class);
        ReadModelGenerations generations = context.getBean(ReadModelGenerations.class);
        Map<String, List<Document>> all = new TreeMap<>();
        Map<String, String> live = new TreeMap<>();
        for (String projection : ProcessingGroups.ALL) {
            generations.collections(projection).forEach(base ->
                    live.put(base, ReadModelGenerations.name(base, generations.refresh(projection))));
        }
        for (Map.Entry<String, String> collection : live.entrySet()) {
            String name = collection.getKey();
            List<Document> documents = database.getCollection(collection.getValue()).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            if (name.equals(AuditLogProjection.AUDIT_LOG_DAYS)) {
                for (Document day : documents) {
                    List<Document> users = new ArrayList<>(day.getList("users", Document.class));
                    users.sort(Comparator.comparing(u -> u.getString("user")));
                    day.put("users", users);
                }
            }
            all.put(name, documents);
        }
        assertThat(all).containsKeys(AuditLogProjection.AUDIT_LOG, AuditLogProjection.AUDIT_LOG_DAYS,
                YearlyPerformanceProjection.ROWS);
        return all;
    }

    /** Courses' lives and agreements, interleaved round robin, by three users over two days: fixed ids and times. */
    private static List<EventMessage<?>> events() {
        List<List<Object[]>> lives = new ArrayList<>();
        Trainee trainee = new Trainee("Lan", "Viet Nam", "Ministry", "Director", TraineeLevel.MID_LEVEL);
        for (int c = 0; c < COURSES; c++) {
            String id = "course-" + c;
            CourseId course = new CourseId(id);
            int year = 2040 + c % 4;
            Program program = Program.values()[c % Program.values().length];
            Direction direction = c % 5 == 0 ? Direction.OUTBOUND : Direction.INBOUND;
            Period period = new Period(LocalDate.of(year, 1 + c % 12, 3), LocalDate.of(year, 1 + c % 12, 14));
            List<Object[]> life = new ArrayList<>();
            if (c % 6 == 5) {
                life.add(new Object[] {"Course", id, new HistoricalCourseImported(course, null, program, direction,
                        "Partner " + c % 7, period, 5 + c, "seed")});
            } else {
                life.add(new Object[] {"Course", id, new CourseProposed(course, "Course " + c, program, direction,
                        "Partner " + c % 7, 20, year)});
                life.add(new Object[] {"Course", id, new CourseScheduled(course, period)});
                life.add(new Object[] {"Course", id, TestEnrolments.plain(course, new TraineeId(id + "-t1"), trainee, 1)});
                life.add(new Object[] {"Course", id, TestEnrolments.plain(course, new TraineeId(id + "-t2"), trainee, 2)});
                if (c % 3 == 0) {
                    life.add(new Object[] {"Course", id, new TraineeWithdrawn(course, new TraineeId(id + "-t2"), "ill", 1)});
                }
                if (c % 4 != 3) {
                    life.add(new Object[] {"Course", id, new CourseStarted(course, c % 3 == 0 ? 1 : 2)});
                    life.add(new Object[] {"Course", id, new CourseCompleted(course, program, direction, "Partner " + c % 7,
                            period, c % 3 == 0 ? List.of(new TraineeId(id + "-t1"))
                                    : List.of(new TraineeId(id + "-t1"), new TraineeId(id + "-t2")))});
                }
            }
            lives.add(life);
        }
        for (int a = 0; a < 6; a++) {
            lives.add(List.<Object[]>of(new Object[] {"ExchangeAgreement", "agreement-" + a, new AgreementRecorded(
                    new AgreementId("agreement-" + a), Province.of("Hebei"), AgreementClassification.GENERAL,
                    YearMonth.of(2013, 1 + a))}));
        }
        List<String> users = List.of("staff", "admin", "importer");
        List<EventMessage<?>> events = new ArrayList<>();
        for (int step = 0; ; step++) {
            boolean any = false;
            for (int l = 0; l < lives.size(); l++) {
                if (step < lives.get(l).size()) {
                    any = true;
                    Object[] e = lives.get(l).get(step);
                    int n = events.size();
                    String eventId = UUID.nameUUIDFromBytes(("event-" + n).getBytes(StandardCharsets.UTF_8)).toString();
                    Map<String, Object> metaData = n % 11 == 0 ? Map.of() // now and then an event without a user
                            : Map.of(AuditLogProjection.USER, users.get((n + l) % 3), AuditLogProjection.CORRELATION_ID, "corr-" + n);
                    events.add(new GenericDomainEventMessage<>((String) e[0], (String) e[1], step, e[2], metaData,
                            eventId, START.plusSeconds(97L * n)));
                }
            }
            if (!any) {
                return events;
            }
        }
    }
}
