package kr.go.gg.training.command.course.domain;

import java.util.Map;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;

/** When a course's costs and commission may be recorded (who pays what is {@link CostSharingPolicy}'s). */
public final class MoneyPolicy {

    /** Records of costs a course may hold (withdrawn ones included), so that a course's documents stay small. */
    public static final int MAX_COSTS = 200;

    private MoneyPolicy() {
    }

    /** Costs and commission count in the training year, so the course must have its period (scheduled or imported). */
    static void periodKnown(CourseId id, Period period, String what) {
        if (period == null) {
            throw new DomainRefusal("Course '" + id + "' has no training period yet: " + what + " count in the year"
                    + " the training starts; allowed after: schedule the course");
        }
    }

    static void newCost(CourseId id, Map<String, Boolean> costs, String costId) {
        if (costs.containsKey(costId)) {
            throw new DomainRefusal("Course '" + id + "' already has cost '" + costId + "'");
        }
        if (costs.size() >= MAX_COSTS) {
            throw new DomainRefusal("Course '" + id + "' holds " + MAX_COSTS + " cost records, the most a course may"
                    + " hold");
        }
    }

    static void standingCost(CourseId id, Map<String, Boolean> costs, String costId) {
        Boolean standing = costs.get(costId);
        if (standing == null) {
            throw new NotFound("Course '" + id + "' has no cost '" + costId + "'");
        }
        if (!standing) {
            throw new DomainRefusal("Cost '" + costId + "' of course '" + id + "' has already been withdrawn");
        }
    }

    static void koicaCourse(CourseId id, Program program) {
        if (program != Program.KOICA) {
            throw new DomainRefusal("Course '" + id + "' is a " + program + " course: only a KOICA course is"
                    + " consigned and earns a consignment commission");
        }
    }

    static void notCancelled(CourseId id, CourseStatus status) {
        if (status == CourseStatus.CANCELLED) {
            throw new DomainRefusal("Course '" + id + "' is CANCELLED: a cancelled course earns no commission");
        }
    }
}
