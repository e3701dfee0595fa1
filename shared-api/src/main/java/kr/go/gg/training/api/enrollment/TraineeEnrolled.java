package kr.go.gg.training.api.enrollment;

import java.util.Optional;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import org.axonframework.serialization.Revision;

/**
 * {@code enrolled} is the course's headcount after this enrolment. Revision 2: the personal fields (name,
 * organisation, position) are {@code personal}, sealed with the trainee's own key; country and level stay plain.
 * {@code unencrypted} holds them only in an event written before sealing (revision 1, upcast by
 * {@code TraineeEnrolledUpcaster1To2}) that no migration has rewritten (Axon Server: docs/privacy.md); null otherwise.
 */
@Revision("2")
public record TraineeEnrolled(CourseId courseId, TraineeId traineeId, String country, TraineeLevel level,
                              SealedPersonalData personal, PersonalData unencrypted, int enrolled) {

    /**
     * The personal fields if they can still be read: opened with {@code key} (null: destroyed or never found), or the
     * plain fields of an event from before sealing unless the trainee was {@code erased}.
     */
    public Optional<PersonalData> personalData(byte[] key, boolean erased) {
        if (erased) {
            return Optional.empty();
        }
        if (unencrypted != null) {
            return Optional.of(unencrypted);
        }
        return personal == null || key == null ? Optional.empty() : personal.open(key, traineeId.value());
    }
}
