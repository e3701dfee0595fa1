package kr.go.gg.training.api.enrollment;

/** The trainees of one course (personal data: not for the VIEWER role). Null when no course has that id. */
public record FindRoster(String courseId) {
}
