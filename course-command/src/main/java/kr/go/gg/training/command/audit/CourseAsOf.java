package kr.go.gg.training.command.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.CourseCommission;
import kr.go.gg.training.api.cost.CourseCost;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.curriculum.CourseSession;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionRemoved;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.command.course.domain.CourseState;

/**
 * A course as of an instant: every field of {@code GET /api/courses/{id}} (the same names and meanings, so an
 * auditor compares them one by one), and the stage date and period the aggregate decides with. The aggregate keeps
 * no title (no rule needs it): it is taken from the course's first event here, as the course list takes it.
 */
public record CourseAsOf(CourseId courseId, String title, Program program, Direction direction, String partner,
                         CourseStatus status, int capacity, int enrolled, LocalDate startDate, LocalDate endDate,
                         List<CourseSession> sessions, List<CourseCost> costs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CourseCommission commission,
                         LocalDate lastStageDate, Period period) {

    /**
     * What the events tell beside the aggregate's state: the title, a printed record's headcount, and the curriculum
     * as the course shows it (by date, one day's sessions in the order added).
     */
    static final class Folded {
        private String title;
        private Integer headcount;
        private final List<CourseSession> sessions = new ArrayList<>();
        /** The standing costs in the order recorded, and the latest commission: what the course answer shows. */
        private final Map<String, CourseCost> costs = new LinkedHashMap<>();
        private CourseCommission commission;

        void see(Object payload) {
            if (payload instanceof SessionAdded added) {
                sessions.add(new CourseSession(added.sessionId(), added.kind(), added.title(), added.date()));
                sessions.sort(Comparator.comparing(CourseSession::date));
            } else if (payload instanceof SessionRemoved removed) {
                sessions.removeIf(session -> session.sessionId().equals(removed.sessionId()));
            } else if (payload instanceof CourseProposed proposed) {
                title = proposed.title();
            } else if (payload instanceof HistoricalCourseImported imported) {
                // events written before titles were given name the course by partner and start (as the course list)
                title = imported.title() != null ? imported.title() : imported.partner() + " " + imported.period().startDate();
                headcount = imported.people(); // the record's headcount is its enrolment (the list shows it so)
            } else if (payload instanceof CostRecorded cost) {
                costs.put(cost.costId(), new CourseCost(cost.costId(), cost.category(), cost.amount(), cost.paidBy(),
                        cost.note()));
            } else if (payload instanceof CostWithdrawn withdrawn) {
                costs.remove(withdrawn.costId());
            } else if (payload instanceof CommissionRecorded recorded) {
                commission = new CourseCommission(recorded.amount(), recorded.receivedOn());
            }
        }

        CourseAsOf of(CourseState state) {
            Period period = state.period();
            return new CourseAsOf(state.courseId(), title, state.program(), state.direction(), state.partner(),
                    state.status(), state.capacity(), headcount != null ? headcount : state.enrolled(),
                    period == null ? null : period.startDate(), period == null ? null : period.endDate(),
                    List.copyOf(sessions), List.copyOf(costs.values()), commission, state.lastStageDate(), period);
        }
    }
}
