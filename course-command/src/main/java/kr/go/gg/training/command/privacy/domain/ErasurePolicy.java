package kr.go.gg.training.command.privacy.domain;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.command.domain.NotFound;

/** The erasure rules of docs/privacy.md, one named check each. */
public final class ErasurePolicy {

    private ErasurePolicy() {
    }

    /** Only a trainee the course has enrolled can be erased (404 otherwise). */
    public static void traineeKnown(CourseId id, boolean known, TraineeId traineeId) {
        if (!known) {
            throw new NotFound("Course '" + id + "' has no trainee '" + traineeId + "'");
        }
    }
}
