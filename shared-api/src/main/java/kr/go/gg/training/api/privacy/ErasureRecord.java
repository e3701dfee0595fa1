package kr.go.gg.training.api.privacy;

import java.time.Instant;

/** One entry of the destruction log. */
public record ErasureRecord(String courseId, String traineeId, Instant erasedAt, String by, String reason) {
}
