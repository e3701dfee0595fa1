package kr.go.gg.training.command.privacy;

import java.time.Instant;
import java.util.Optional;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.command.privacy.domain.TraineeKeys;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.springframework.stereotype.Component;

/**
 * {@link TraineeKeys} on the process's key store (course-support: beside the events, or MongoDB under
 * {@code axonserver}): a trainee is the subject, its course the scope.
 */
@Component
public class StoredTraineeKeys implements TraineeKeys {

    private final SubjectKeyLookup lookup;
    private final SubjectKeyStore store;

    public StoredTraineeKeys(SubjectKeyLookup lookup) {
        this.lookup = lookup;
        this.store = lookup.store();
    }

    @Override
    public SealedPersonalData seal(CourseId courseId, TraineeId traineeId, PersonalData data) {
        return SealedPersonalData.seal(data, store.create(traineeId.value(), courseId.value()), traineeId.value());
    }

    @Override
    public Optional<PersonalData> open(TraineeEnrolled enrolment) {
        SubjectKeyLookup.Found found = lookup.find(enrolment.traineeId().value(), enrolment.personal() != null);
        return enrolment.personalData(found.key(), found.destroyed());
    }

    @Override
    public void destroy(CourseId courseId, TraineeId traineeId, Instant at) {
        store.destroy(traineeId.value(), courseId.value(), at);
    }

    @Override
    public void startRetention(CourseId courseId, Instant at) {
        store.startRetention(courseId.value(), at);
    }
}
