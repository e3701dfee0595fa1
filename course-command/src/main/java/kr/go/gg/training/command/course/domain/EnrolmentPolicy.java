package kr.go.gg.training.command.course.domain;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;

/** The enrolment rules of docs/domain.md, one named check each (the course's state is checked by the lifecycle). */
public final class EnrolmentPolicy {

    private EnrolmentPolicy() {
    }

    public static void capacityNotReached(CourseId id, CourseRoster roster, int capacity) {
        if (roster.enrolled() >= capacity) {
            throw new DomainRefusal("Course '" + id + "' is full: " + roster.enrolled() + " of " + capacity
                    + " places taken; allowed now: withdraw a trainee first");
        }
    }

    public static void notEnrolledTwice(CourseId id, CourseRoster roster, TraineeId traineeId, Trainee trainee) {
        if (roster.knows(traineeId) || roster.isEnrolled(trainee)) {
            // no name in the answer: refusals are logged, and names are never logged (docs/privacy.md)
            throw new DomainRefusal("Course '" + id + "' already has this person (the same name, country and"
                    + " organisation) enrolled");
        }
    }

    /** Input the course's programme makes invalid (400 naming the field), not a step out of order. */
    public static void levelGivenForKoica(CourseId id, Program program, Trainee trainee) {
        if (program == Program.KOICA && trainee.level() == null) {
            throw new InvalidValueException("level", "is required in a KOICA course (MID_LEVEL or HIGH_RANKING); course '"
                    + id + "' is one");
        }
    }

    public static void canWithdraw(CourseId id, CourseRoster roster, TraineeId traineeId) {
        if (!roster.knows(traineeId)) {
            throw new NotFound("Course '" + id + "' has no trainee '" + traineeId + "'");
        }
        if (roster.hasWithdrawn(traineeId)) {
            throw new DomainRefusal("Trainee '" + traineeId + "' has already withdrawn from course '" + id + "'");
        }
    }
}
