package kr.go.gg.training.api.enrollment;

/**
 * One trainee of one course (a certificate of completion's subject); null when the course has no such trainee.
 * {@code erased} is asked of the key store at answer time, so an erasure counts before its event reaches the roster.
 */
public record FindRosterEntry(String courseId, String traineeId) {
}
