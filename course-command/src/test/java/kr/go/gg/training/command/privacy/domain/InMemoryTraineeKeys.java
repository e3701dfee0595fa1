package kr.go.gg.training.command.privacy.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;

/**
 * The aggregate tests' key store: a deterministic stand-in for sealing (the fields joined and base64'd, so an
 * expected event equals the one the aggregate applies) that opens nothing once a trainee's key is destroyed. The
 * real AES-GCM is SealedPersonalDataTest's, the real store JdbcSubjectKeyStoreTest's.
 */
public final class InMemoryTraineeKeys implements TraineeKeys {

    private final Set<TraineeId> destroyed = new HashSet<>();
    private final Map<CourseId, Instant> retention = new HashMap<>();

    public static SealedPersonalData sealed(PersonalData data) {
        String joined = data.name() + "\n" + data.organization() + "\n" + data.position();
        return new SealedPersonalData("in-memory", Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8)));
    }

    /** The event the aggregate applies when {@code trainee} enrols as {@code id}, the course then holding {@code enrolled}. */
    public static TraineeEnrolled enrolled(CourseId course, TraineeId id, Trainee trainee, int enrolled) {
        return new TraineeEnrolled(course, id, trainee.country(), trainee.level(),
                sealed(new PersonalData(trainee.name(), trainee.organization(), trainee.position())), null, enrolled);
    }

    @Override
    public SealedPersonalData seal(CourseId courseId, TraineeId traineeId, PersonalData data) {
        return sealed(data);
    }

    @Override
    public Optional<PersonalData> open(TraineeEnrolled enrolment) {
        if (destroyed.contains(enrolment.traineeId())) {
            return Optional.empty();
        }
        if (enrolment.unencrypted() != null) {
            return Optional.of(enrolment.unencrypted());
        }
        String[] fields = new String(Base64.getDecoder().decode(enrolment.personal().ciphertext()), StandardCharsets.UTF_8).split("\n");
        return Optional.of(new PersonalData(fields[0], fields[1], fields[2]));
    }

    @Override
    public void destroy(CourseId courseId, TraineeId traineeId, Instant at) {
        destroyed.add(traineeId);
    }

    @Override
    public void startRetention(CourseId courseId, Instant at) {
        retention.putIfAbsent(courseId, at);
    }

    public boolean isDestroyed(TraineeId traineeId) {
        return destroyed.contains(traineeId);
    }

    public Optional<Instant> retentionStart(CourseId courseId) {
        return Optional.ofNullable(retention.get(courseId));
    }
}
