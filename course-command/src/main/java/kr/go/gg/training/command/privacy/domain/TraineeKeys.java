package kr.go.gg.training.command.privacy.domain;

import java.time.Instant;
import java.util.Optional;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;

/**
 * The aggregate's port to the trainees' keys (crypto-shredding, docs/privacy.md): injected into the course's
 * handlers by Axon like the other ports. On the embedded default its writes commit with the command's events.
 */
public interface TraineeKeys {

    /** Seals with the trainee's key, made now (or the one a retried command made). */
    SealedPersonalData seal(CourseId courseId, TraineeId traineeId, PersonalData data);

    /** The personal fields of an enrolment, empty once the trainee's key is destroyed. */
    Optional<PersonalData> open(TraineeEnrolled enrolment);

    /** Destroys the trainee's key: the sealed fields of its enrolment open for nobody from now on. */
    void destroy(CourseId courseId, TraineeId traineeId, Instant at);

    /** The retention period of every trainee of the course begins: the course is over. */
    void startRetention(CourseId courseId, Instant at);
}
