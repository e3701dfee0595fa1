package kr.go.gg.training.query.pipeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.course.ConsigneeAwarded;
import kr.go.gg.training.api.course.ConsigneeInvitationPublished;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseSelected;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.PipelineCourse;
import kr.go.gg.training.api.course.DemandSurveyRecorded;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.api.course.NextStep;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.MongoProjectionTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KoicaPipelineProjectionTest extends MongoProjectionTest {

    private KoicaPipelineProjection projection;

    @BeforeEach
    void setUp() {
        projection = new KoicaPipelineProjection(database);
    }

    private List<String> stage(KoicaPipeline board, CourseStatus status) {
        return board.stages().get(status).stream().map(PipelineCourse::courseId).toList();
    }

    @Test
    void koicaCoursesOnlyByStageAndTrainingYearWithEveryStagePresent() {
        CourseId a = new CourseId("a");
        CourseId b = new CourseId("b");
        deliver(projection,
                event("a", new CourseProposed(a, "A", Program.KOICA, Direction.INBOUND, "Peru", 10, 2027)),
                event("b", new CourseProposed(b, "B", Program.KOICA, Direction.INBOUND, "Laos", 10, null)),
                event("b", new DemandSurveyRecorded(b, LocalDate.parse("2025-06-01"))),
                event("c", new CourseProposed(new CourseId("c"), "C", Program.CHINA_EXCHANGE, Direction.INBOUND, "Hebei", 10, 2027)));
        KoicaPipeline board = projection.handle(new FindKoicaPipeline(2027));
        assertThat(board.stages()).containsOnlyKeys(CourseStatus.values());
        assertThat(stage(board, CourseStatus.PROPOSED)).containsExactly("a");
        assertThat(stage(board, CourseStatus.DEMAND_SURVEYED)).containsExactly("b");

        deliver(projection, event("a", new DemandSurveyRecorded(a, LocalDate.parse("2025-05-01"))),
                event("a", new CourseSelected(a, LocalDate.parse("2027-01-06"))),
                event("a", new ConsigneeInvitationPublished(a, 1, LocalDate.parse("2027-02-02"))),
                event("a", new ConsigneeAwarded(a, LocalDate.parse("2027-03-15"))));
        assertThat(stage(projection.handle(new FindKoicaPipeline(2027)), CourseStatus.CONSIGNEE_AWARDED)).containsExactly("a");

        deliver(projection, event("a", new CourseScheduled(a, period("2028-01-10", "2028-01-20"))));
        assertThat(stage(projection.handle(new FindKoicaPipeline(2027)), CourseStatus.CONSIGNEE_AWARDED)).isEmpty();
        assertThat(stage(projection.handle(new FindKoicaPipeline(2028)), CourseStatus.SCHEDULED)).containsExactly("a");
        assertThat(projection.handle(new FindKoicaPipeline(1999)).stages().values()).allMatch(List::isEmpty);
    }

    @Test
    void duplicateDeliveryAndReplayLeaveTheSameDocuments() {
        CourseId a = new CourseId("a");
        deliver(projection, event("a", new CourseProposed(a, "A", Program.KOICA, Direction.INBOUND, "Peru", 10, 2027)),
                event("a", new DemandSurveyRecorded(a, LocalDate.parse("2025-05-01"))));
        var once = documents(KoicaPipelineProjection.COURSES, KoicaPipelineProjection.ROWS);
        deliver(projection, stream);
        assertThat(documents(KoicaPipelineProjection.COURSES, KoicaPipelineProjection.ROWS)).isEqualTo(once);
        replay(projection, 1);
        assertThat(documents(KoicaPipelineProjection.COURSES, KoicaPipelineProjection.ROWS)).isEqualTo(once);
    }

    @Test
    void each_course_is_marked_by_koicas_calendar_for_its_training_year_as_of_the_day_asked() {
        CourseId a = new CourseId("a");
        deliver(projection, event("a", new CourseProposed(a, "A", Program.KOICA, Direction.INBOUND, "Peru", 10, 2027)),
                event("a", new DemandSurveyRecorded(a, LocalDate.parse("2025-05-01"))));

        PipelineCourse onTime = projection.handle(new FindKoicaPipeline(2027, LocalDate.parse("2027-01-10")))
                .stages().get(CourseStatus.DEMAND_SURVEYED).get(0);
        assertThat(onTime.nextStep()).isEqualTo(NextStep.RECORD_COURSE_SELECTION);
        assertThat(onTime.due()).isEqualTo(LocalDate.parse("2027-01-10"));
        assertThat(onTime.overdue()).isFalse();
        assertThat(onTime.partner()).isEqualTo("Peru");
        assertThat(projection.handle(new FindKoicaPipeline(2027, LocalDate.parse("2027-01-11")))
                .stages().get(CourseStatus.DEMAND_SURVEYED).get(0).overdue()).isTrue();
    }
}
