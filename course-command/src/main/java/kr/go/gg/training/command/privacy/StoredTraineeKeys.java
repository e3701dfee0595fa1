package kr.go.gg.training.command.privacy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.command.privacy.domain.TraineeKeys;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * {@link TraineeKeys} on the process's key store (course-support: beside the events, or MongoDB under
 * {@code axonserver}): a trainee is the subject, its course the scope. A key made while a command is handled is kept
 * in that command's unit of work, so the aggregate's event handler opens the enrolment it just sealed without asking
 * the store again (the key's row is in the same transaction); it goes with the unit of work, rolled back or not.
 */
@Component
public class StoredTraineeKeys implements TraineeKeys {

    private static final String MADE_KEYS = StoredTraineeKeys.class.getName() + ".made";

    private final SubjectKeyLookup lookup;
    private final SubjectKeyStore store;

    public StoredTraineeKeys(SubjectKeyLookup lookup) {
        this.lookup = lookup;
        this.store = lookup.store();
    }

    @Override
    public SealedPersonalData seal(CourseId courseId, TraineeId traineeId, PersonalData data) {
        byte[] key = store.create(traineeId.value(), courseId.value());
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.<Map<String, byte[]>>getOrComputeResource(MADE_KEYS,
                name -> new HashMap<>()).put(traineeId.value(), key));
        return SealedPersonalData.seal(data, key, traineeId.value());
    }

    @Override
    public Optional<PersonalData> open(TraineeEnrolled enrolment) {
        String subject = enrolment.traineeId().value();
        byte[] made = madeKeys().map(keys -> keys.get(subject)).orElse(null);
        if (made != null) {
            return enrolment.personalData(made, false);
        }
        SubjectKeyLookup.Found found = lookup.find(subject, enrolment.personal() != null);
        return enrolment.personalData(found.key(), found.destroyed());
    }

    @Override
    public void destroy(CourseId courseId, TraineeId traineeId, Instant at) {
        madeKeys().ifPresent(keys -> keys.remove(traineeId.value()));
        store.destroy(traineeId.value(), courseId.value(), at);
    }

    /** The keys made in the current unit of work, by subject; empty outside one or before the first. */
    private static Optional<Map<String, byte[]>> madeKeys() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.<Map<String, byte[]>>getResource(MADE_KEYS));
    }

    @Override
    public void startRetention(CourseId courseId, Instant at) {
        store.startRetention(courseId.value(), at);
    }
}
