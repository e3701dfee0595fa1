package kr.go.gg.training.query.course.projection;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import kr.go.gg.training.api.course.ConsigneeAwarded;
import kr.go.gg.training.api.course.ConsigneeInvitationPublished;
import kr.go.gg.training.api.course.ConsigneeNotAwarded;
import kr.go.gg.training.api.course.CourseAtVersion;
import kr.go.gg.training.api.course.CourseCancelled;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseRejected;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseSelected;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.DemandSurveyRecorded;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.course.FindCourses;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.WatchCourse;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.CourseCommission;
import kr.go.gg.training.api.cost.CourseCost;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.query.MongoProjectionTest;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CourseSummaryProjectionTest extends MongoProjectionTest {

    private CourseSummaryProjection projection;

    @BeforeEach
    void setUp() {
        projection = new CourseSummaryProjection(database, SimpleQueryUpdateEmitter.builder().build());
    }

    static Trainee trainee(String name) {
        return new Trainee(name, "Viet Nam", "Ministry of Home Affairs", "Director", TraineeLevel.MID_LEVEL);
    }

    private CourseSummary course(String id) {
        return projection.handle(new FindCourse(id));
    }

    private List<String> listed(Integer year) {
        return projection.handle(new FindCourses(year, null, null)).courses().stream().map(CourseSummary::courseId).toList();
    }

    @Test
    void aKoicaCourseMovesThroughEveryStage() {
        CourseId id = new CourseId("k1");
        deliver(projection, event("k1", new CourseProposed(id, "e-Government", Program.KOICA, Direction.INBOUND, "Viet Nam", 20, null)));
        assertThat(course("k1")).isEqualTo(new CourseSummary("k1", "e-Government", Program.KOICA, Direction.INBOUND,
                "Viet Nam", CourseStatus.PROPOSED, 20, 0, null, null, List.of(), List.of(), null));

        deliver(projection, event("k1", new DemandSurveyRecorded(id, LocalDate.parse("2015-06-01"))));
        assertThat(course("k1").status()).isEqualTo(CourseStatus.DEMAND_SURVEYED);
        assertThat(listed(2017)).containsExactly("k1"); // survey year + 2

        deliver(projection, event("k1", new CourseSelected(id, LocalDate.parse("2016-01-05"))));
        assertThat(course("k1").status()).isEqualTo(CourseStatus.SELECTED);
        assertThat(listed(2016)).containsExactly("k1"); // the decision's year wins over the survey's
        assertThat(listed(2017)).isEmpty();

        deliver(projection, event("k1", new ConsigneeInvitationPublished(id, 2, LocalDate.parse("2016-02-03"))),
                event("k1", new ConsigneeAwarded(id, LocalDate.parse("2016-03-10"))));
        assertThat(course("k1").status()).isEqualTo(CourseStatus.CONSIGNEE_AWARDED);

        deliver(projection, event("k1", new CourseScheduled(id, period("2016-06-29", "2016-07-12"))),
                event("k1", TestEnrolments.plain(id, new TraineeId("t1"), trainee("A"), 1)),
                event("k1", TestEnrolments.plain(id, new TraineeId("t2"), trainee("B"), 2)));
        CourseSummary scheduled = course("k1");
        assertThat(scheduled.status()).isEqualTo(CourseStatus.SCHEDULED);
        assertThat(scheduled.enrolled()).isEqualTo(2);
        assertThat(scheduled.startDate()).isEqualTo(LocalDate.parse("2016-06-29"));
        assertThat(scheduled.endDate()).isEqualTo(LocalDate.parse("2016-07-12"));

        deliver(projection, event("k1", new TraineeWithdrawn(id, new TraineeId("t2"), "ill", 1)));
        assertThat(course("k1").enrolled()).isEqualTo(1);

        deliver(projection, event("k1", new CourseStarted(id, 1)));
        assertThat(course("k1").status()).isEqualTo(CourseStatus.IN_PROGRESS);

        deliver(projection, event("k1", new CourseCompleted(id, Program.KOICA, Direction.INBOUND, "Viet Nam",
                period("2016-06-29", "2016-07-12"), List.of(new TraineeId("t1")))));
        assertThat(course("k1")).isEqualTo(new CourseSummary("k1", "e-Government", Program.KOICA, Direction.INBOUND,
                "Viet Nam", CourseStatus.COMPLETED, 20, 1, LocalDate.parse("2016-06-29"), LocalDate.parse("2016-07-12"),
                List.of(), List.of(), null));
        assertThat(projection.handle(new WatchCourse("k1")).version()).isEqualTo(10);
        assertThat(projection.handle(new FindCourses(2016, Program.KOICA, CourseStatus.COMPLETED)).courses()).containsExactly(
                new CourseSummary("k1", "e-Government", Program.KOICA, Direction.INBOUND, "Viet Nam", CourseStatus.COMPLETED,
                        20, 1, LocalDate.parse("2016-06-29"), LocalDate.parse("2016-07-12"))); // a listing: no costs
    }

    @Test
    void theYearIsTheTrainingYearUntilScheduledThenTheStartYear() {
        CourseId id = new CourseId("c1");
        deliver(projection, event("c1", new CourseProposed(id, "Exchange", Program.CHINA_EXCHANGE, Direction.OUTBOUND,
                "Shandong", 16, 2027), Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(listed(2027)).containsExactly("c1");
        deliver(projection, event("c1", new CourseScheduled(id, period("2028-03-02", "2028-03-09"))));
        assertThat(listed(2027)).isEmpty();
        assertThat(listed(2028)).containsExactly("c1");
    }

    @Test
    void withoutAnyHintTheYearIsTheProposalsYearInSeoul() {
        deliver(projection, event("c2", new CourseProposed(new CourseId("c2"), "Exchange", Program.CHINA_EXCHANGE,
                Direction.INBOUND, "Hebei", 10, null), Instant.parse("2025-12-31T16:00:00Z"))); // 2026-01-01 01:00 KST
        assertThat(listed(2026)).containsExactly("c2");
        assertThat(listed(2025)).isEmpty();
    }

    @Test
    void sideExitsAreStatuses() {
        deliver(projection,
                event("r", new CourseProposed(new CourseId("r"), "R", Program.KOICA, Direction.INBOUND, "Laos", 10, 2026)),
                event("r", new DemandSurveyRecorded(new CourseId("r"), LocalDate.parse("2024-05-01"))),
                event("r", new CourseRejected(new CourseId("r"), LocalDate.parse("2026-01-04"))),
                event("n", new CourseProposed(new CourseId("n"), "N", Program.KOICA, Direction.INBOUND, "Peru", 10, 2026)),
                event("n", new DemandSurveyRecorded(new CourseId("n"), LocalDate.parse("2024-05-01"))),
                event("n", new CourseSelected(new CourseId("n"), LocalDate.parse("2026-01-04"))),
                event("n", new ConsigneeInvitationPublished(new CourseId("n"), 1, LocalDate.parse("2026-02-04"))),
                event("n", new ConsigneeNotAwarded(new CourseId("n"), LocalDate.parse("2026-03-04"))),
                event("x", new CourseProposed(new CourseId("x"), "X", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", 10, 2026)),
                event("x", new CourseCancelled(new CourseId("x"), "budget", CourseStatus.PROPOSED)));
        assertThat(course("r").status()).isEqualTo(CourseStatus.REJECTED);
        assertThat(course("n").status()).isEqualTo(CourseStatus.NOT_AWARDED);
        assertThat(course("x").status()).isEqualTo(CourseStatus.CANCELLED);
        assertThat(projection.handle(new FindCourses(null, Program.KOICA, null)).courses()).extracting(CourseSummary::courseId)
                .containsExactlyInAnyOrder("r", "n");
        assertThat(projection.handle(new FindCourses(null, null, CourseStatus.CANCELLED)).courses()).extracting(CourseSummary::courseId)
                .containsExactly("x");
        assertThat(projection.handle(new FindCourses(2026, Program.KOICA, CourseStatus.REJECTED)).courses()).extracting(CourseSummary::courseId)
                .containsExactly("r");
    }

    @Test
    void anImportedCourseIsCompletedWithItsHeadcount() {
        CourseId id = new CourseId("h1");
        deliver(projection, event("h1", new HistoricalCourseImported(id, "Liaoning officials", Program.CHINA_EXCHANGE,
                Direction.INBOUND, "Liaoning", period("2014-04-14", "2014-04-25"), 12, "seed")));
        assertThat(course("h1")).isEqualTo(new CourseSummary("h1", "Liaoning officials", Program.CHINA_EXCHANGE,
                Direction.INBOUND, "Liaoning", CourseStatus.COMPLETED, 12, 12, LocalDate.parse("2014-04-14"),
                LocalDate.parse("2014-04-25"), List.of(), List.of(), null));
        assertThat(listed(2014)).containsExactly("h1");
        assertThat(course("nope")).isNull();
    }

    @Test
    void anEventOfAnUnknownCourseIsNotFoldedIntoAHalfSummary() {
        deliver(projection, event("ghost", TestEnrolments.plain(new CourseId("ghost"), new TraineeId("t"), trainee("A"), 1)));
        assertThat(course("ghost")).isNull();
        assertThat(projection.handle(new FindCourses(null, null, null)).courses()).isEmpty();
    }

    @Test
    void duplicateDeliveryAndReplayLeaveTheSameDocuments() {
        CourseId id = new CourseId("d1");
        var proposed = event("d1", new CourseProposed(id, "D", Program.KOICA, Direction.INBOUND, "Ghana", 5, 2026));
        var scheduled = event("d1", new CourseScheduled(id, period("2026-05-04", "2026-05-15")));
        var enrolled = event("d1", TestEnrolments.plain(id, new TraineeId("t1"), trainee("A"), 1));
        var withdrawn = event("d1", new TraineeWithdrawn(id, new TraineeId("t1"), "ill", 0));
        var other = event("d2", new HistoricalCourseImported(new CourseId("d2"), "H", Program.KOICA, Direction.INBOUND,
                "Kenya", period("2015-09-01", "2015-09-10"), 7, "seed"));
        deliver(projection, proposed, scheduled, enrolled, withdrawn, other);
        var once = documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS);

        deliver(projection, enrolled, withdrawn, enrolled); // re-delivered: the older events must not count again
        deliver(projection, stream);
        assertThat(documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS)).isEqualTo(once);
        assertThat(course("d1").enrolled()).isZero();

        replay(projection, 2);
        assertThat(documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS)).isEqualTo(once);
    }

    /** Issue 17: an update costs the same at 1 or 300 courses a year (a year document grew with every course). */
    @Test
    void noDocumentGrowsWithTheNumberOfCoursesOfAYear() {
        deliver(projection, scheduledIn2030("c000"));
        int alone = largestDocument(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS);
        for (int c = 1; c < 300; c++) {
            deliver(projection, scheduledIn2030("c%03d".formatted(c)));
        }
        assertThat(largestDocument(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS)).isEqualTo(alone);
        assertThat(listed(2030)).hasSize(300).startsWith("c000", "c001");
    }

    private List<org.axonframework.eventhandling.EventMessage<?>> scheduledIn2030(String id) {
        CourseId course = new CourseId(id);
        return List.of(event(id, new CourseProposed(course, "Smart city", Program.KOICA, Direction.INBOUND, "Peru", 20, 2030)),
                event(id, new CourseScheduled(course, period("2030-05-04", "2030-05-15"))));
    }

    /** The largest document of the collections, in JSON characters. */
    private int largestDocument(String... collections) {
        return documents(collections).values().stream().flatMap(List::stream).mapToInt(d -> d.toJson().length())
                .max().orElse(0);
    }

    @Test
    void aCourseShowsItsStandingCostsInTheOrderRecordedAndItsLatestCommission() {
        CourseId id = new CourseId("m1");
        deliver(projection, event("m1", new CourseProposed(id, "Water", Program.KOICA, Direction.INBOUND, "Peru", 20, 2016)),
                event("m1", new CourseScheduled(id, period("2016-03-23", "2016-04-03"))),
                event("m1", new CostRecorded(id, "c1", Program.KOICA, Direction.INBOUND, "Peru", 2016,
                        CostCategory.AIRFARE, 9_000_000L, Payer.KOICA, "14 tickets")),
                event("m1", new CostRecorded(id, "c2", Program.KOICA, Direction.INBOUND, "Peru", 2016,
                        CostCategory.EDUCATION, 5_000_000L, Payer.KOICA, null)),
                event("m1", new CostRecorded(id, "c3", Program.KOICA, Direction.INBOUND, "Peru", 2016,
                        CostCategory.TRAVEL, 700_000L, Payer.KOICA, null)));
        deliver(projection, event("m1", new CostWithdrawn(id, "c2", 2016, "entered twice")),
                event("m1", new CommissionRecorded(id, 30_000_000L, LocalDate.parse("2016-04-30"), 2016)),
                event("m1", new CommissionRecorded(id, 31_000_000L, LocalDate.parse("2016-05-02"), 2016)));
        CourseSummary course = course("m1");
        assertThat(course.costs()).containsExactly(
                new CourseCost("c1", CostCategory.AIRFARE, 9_000_000L, Payer.KOICA, "14 tickets"),
                new CourseCost("c3", CostCategory.TRAVEL, 700_000L, Payer.KOICA, null));
        assertThat(course.commission()).isEqualTo(new CourseCommission(31_000_000L, LocalDate.parse("2016-05-02")));
        assertThat(projection.handle(new WatchCourse("m1")).version()).as("a cost's event is the course's version").isEqualTo(7);
        assertThat(projection.handle(new FindCourses(2016, null, null)).courses().get(0).costs()).as("not in a listing").isNull();

        Map<String, List<Document>> before = documents(CourseSummaryProjection.SUMMARIES);
        replay(projection, 2);
        assertThat(documents(CourseSummaryProjection.SUMMARIES)).isEqualTo(before);
    }
}
