package kr.go.gg.training.api.privacy;

import java.time.Instant;

import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeStatus;

/**
 * Everything held about one trainee: the personal fields opened with its key (null once erased), what is not
 * personal, the dates of enrolment and withdrawal, and the erasure's record when there is one.
 */
public record PersonalDataReport(String courseId, String traineeId, String name, String country, String organization,
                                 String position, TraineeLevel level, TraineeStatus status, Instant enrolledAt,
                                 Instant withdrawnAt, boolean erased, ErasureRecord erasure) {
}
