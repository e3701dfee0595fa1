package kr.go.gg.training.query.privacy.projection;

import java.util.Optional;

import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import org.springframework.stereotype.Component;

/**
 * Opens sealed personal data with the trainee's key from the key store every node shares (course-support): empty
 * once the key is destroyed, so a projection (a replay too) that reads an erased trainee's enrolment shows it erased.
 */
@Component
public class PersonalDataKeys {

    private final SubjectKeyLookup lookup;

    public PersonalDataKeys(SubjectKeyLookup lookup) {
        this.lookup = lookup;
    }

    public Optional<PersonalData> open(TraineeEnrolled enrolment) {
        SubjectKeyLookup.Found found = lookup.find(enrolment.traineeId().value(), enrolment.personal() != null);
        return enrolment.personalData(found.key(), found.destroyed());
    }

    /** A sealed form kept by a read model, opened at answer time. */
    public Optional<PersonalData> open(String traineeId, SealedPersonalData sealed) {
        SubjectKeyLookup.Found found = lookup.find(traineeId, true);
        return found.key() == null ? Optional.empty() : sealed.open(found.key(), traineeId);
    }

    /** Whether the trainee's key was destroyed (erased), as the key store holds it now. */
    public boolean destroyed(String traineeId) {
        return lookup.find(traineeId, false).destroyed(); // not "sealed": an unsealed enrolment has no key to miss
    }
}
