package kr.go.gg.training.query.pipeline.projection;

import java.time.LocalDate;
import java.time.Month;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.NextStep;

/**
 * KOICA's standard timing (the seed's "Selection Procedure"), as due dates for a course of training year Y:
 * <ul>
 * <li>demand survey in the target country: "year before last": by 31 December of Y-2;</li>
 * <li>selection of the training course: "early Jan.": by 10 January of Y (early = the first ten days of the month);</li>
 * <li>public invitation of consignees: "early Feb., by quarter": by 10 February of Y (the year's courses are invited
 * together, listed by the quarter they run in);</li>
 * <li>consignee selection: "Mar., by quarter": by 31 March of Y.</li>
 * </ul>
 * After the award the course's own dates take over: scheduling has no date of KOICA's, the start is due on the first
 * day of the training period and the completion on its last. A step is overdue once a day after its due date has
 * begun without it being recorded; a closed course (completed, rejected, not awarded, cancelled) waits for nothing.
 */
public final class KoicaCalendar {

    private static final int EARLY = 10;

    /** A course's place on the calendar: {@code nextStep} and {@code due} null when there is none. */
    public record Mark(NextStep nextStep, LocalDate due, boolean overdue) {
    }

    private KoicaCalendar() {
    }

    public static NextStep nextStep(CourseStatus status) {
        return switch (status) {
            case PROPOSED -> NextStep.RECORD_DEMAND_SURVEY;
            case DEMAND_SURVEYED -> NextStep.RECORD_COURSE_SELECTION;
            case SELECTED -> NextStep.PUBLISH_CONSIGNEE_INVITATION;
            case INVITATION_PUBLISHED -> NextStep.RECORD_CONSIGNEE_SELECTION;
            case CONSIGNEE_AWARDED -> NextStep.SCHEDULE;
            case SCHEDULED -> NextStep.START;
            case IN_PROGRESS -> NextStep.COMPLETE;
            case COMPLETED, REJECTED, NOT_AWARDED, CANCELLED -> null;
        };
    }

    /** When {@code step} is due for a course of {@code trainingYear} running {@code start} to {@code end} (null: unset). */
    public static LocalDate due(NextStep step, int trainingYear, LocalDate start, LocalDate end) {
        if (step == null) {
            return null;
        }
        return switch (step) {
            case RECORD_DEMAND_SURVEY -> LocalDate.of(trainingYear - 2, Month.DECEMBER, 31);
            case RECORD_COURSE_SELECTION -> LocalDate.of(trainingYear, Month.JANUARY, EARLY);
            case PUBLISH_CONSIGNEE_INVITATION -> LocalDate.of(trainingYear, Month.FEBRUARY, EARLY);
            case RECORD_CONSIGNEE_SELECTION -> LocalDate.of(trainingYear, Month.MARCH, 31);
            case SCHEDULE -> null;
            case START -> start;
            case COMPLETE -> end;
        };
    }

    /** The course's mark as of the day {@code asOf}. */
    public static Mark mark(CourseStatus status, int trainingYear, LocalDate start, LocalDate end, LocalDate asOf) {
        NextStep step = nextStep(status);
        LocalDate due = due(step, trainingYear, start, end);
        return new Mark(step, due, due != null && asOf.isAfter(due));
    }
}
