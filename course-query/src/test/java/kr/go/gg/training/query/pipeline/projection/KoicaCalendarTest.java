package kr.go.gg.training.query.pipeline.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.NextStep;
import kr.go.gg.training.query.pipeline.projection.KoicaCalendar.Mark;
import org.junit.jupiter.api.Test;

/** KOICA's standard timing for a course of training year 2027 (the seed's "Selection Procedure"). */
class KoicaCalendarTest {

    private static final LocalDate START = LocalDate.of(2027, 6, 7);
    private static final LocalDate END = LocalDate.of(2027, 6, 18);

    private static Mark mark(CourseStatus status, String asOf) {
        return KoicaCalendar.mark(status, 2027, START, END, LocalDate.parse(asOf));
    }

    @Test
    void the_demand_survey_is_due_by_the_end_of_the_year_before_last() {
        assertThat(mark(CourseStatus.PROPOSED, "2025-12-31"))
                .isEqualTo(new Mark(NextStep.RECORD_DEMAND_SURVEY, LocalDate.of(2025, 12, 31), false));
        assertThat(mark(CourseStatus.PROPOSED, "2026-01-01").overdue()).isTrue();
    }

    @Test
    void the_course_selection_is_due_in_early_january_of_the_training_year() {
        assertThat(mark(CourseStatus.DEMAND_SURVEYED, "2027-01-10"))
                .isEqualTo(new Mark(NextStep.RECORD_COURSE_SELECTION, LocalDate.of(2027, 1, 10), false));
        assertThat(mark(CourseStatus.DEMAND_SURVEYED, "2027-01-11").overdue()).isTrue();
    }

    @Test
    void the_public_invitation_of_consignees_is_due_in_early_february() {
        assertThat(mark(CourseStatus.SELECTED, "2027-02-10"))
                .isEqualTo(new Mark(NextStep.PUBLISH_CONSIGNEE_INVITATION, LocalDate.of(2027, 2, 10), false));
        assertThat(mark(CourseStatus.SELECTED, "2027-02-11").overdue()).isTrue();
    }

    @Test
    void the_consignee_selection_is_due_by_the_end_of_march() {
        assertThat(mark(CourseStatus.INVITATION_PUBLISHED, "2027-03-31"))
                .isEqualTo(new Mark(NextStep.RECORD_CONSIGNEE_SELECTION, LocalDate.of(2027, 3, 31), false));
        assertThat(mark(CourseStatus.INVITATION_PUBLISHED, "2027-04-01").overdue()).isTrue();
    }

    @Test
    void an_awarded_course_waits_for_its_schedule_which_the_calendar_sets_no_date_for() {
        assertThat(mark(CourseStatus.CONSIGNEE_AWARDED, "2099-01-01")).isEqualTo(new Mark(NextStep.SCHEDULE, null, false));
    }

    @Test
    void a_scheduled_course_is_due_to_start_on_its_first_day_and_to_complete_on_its_last() {
        assertThat(mark(CourseStatus.SCHEDULED, "2027-06-07")).isEqualTo(new Mark(NextStep.START, START, false));
        assertThat(mark(CourseStatus.SCHEDULED, "2027-06-08").overdue()).isTrue();
        assertThat(mark(CourseStatus.IN_PROGRESS, "2027-06-18")).isEqualTo(new Mark(NextStep.COMPLETE, END, false));
        assertThat(mark(CourseStatus.IN_PROGRESS, "2027-06-19").overdue()).isTrue();
    }

    @Test
    void a_closed_course_waits_for_nothing() {
        for (CourseStatus closed : new CourseStatus[] {CourseStatus.COMPLETED, CourseStatus.REJECTED,
                CourseStatus.NOT_AWARDED, CourseStatus.CANCELLED}) {
            assertThat(mark(closed, "2099-01-01")).as(closed.name()).isEqualTo(new Mark(null, null, false));
        }
    }
}
