package kr.go.gg.training.api.privacy;

/** A subject-access request: everything held about one trainee of one course; null when there is no such trainee. */
public record FindPersonalData(String courseId, String traineeId) {
}
