package kr.go.gg.training.command.privacy;

import java.util.Optional;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.privacy.PersonalData;

/**
 * An enrolment as the history shows it: opened on the way out, in the shape enrolments always had there
 * ({@code trainee} with its fields); once erased the personal fields are null and {@code erased} is true. Never
 * the sealed form: a client has no use for it.
 */
public record DisclosedEnrolment(CourseId courseId, TraineeId traineeId, Shown trainee, int enrolled, boolean erased) {

    public record Shown(String name, String country, String organization, String position, TraineeLevel level) {
    }

    public static DisclosedEnrolment of(TraineeEnrolled event, Optional<PersonalData> personal) {
        PersonalData data = personal.orElse(new PersonalData(null, null, null));
        return new DisclosedEnrolment(event.courseId(), event.traineeId(),
                new Shown(data.name(), event.country(), data.organization(), data.position(), event.level()),
                event.enrolled(), personal.isEmpty());
    }
}
