package kr.go.gg.training.support.keys;

import java.time.Instant;

/**
 * One subject's key row: {@code key} is null once destroyed ({@code destroyedAt} then says when); the row itself
 * stays as a tombstone, so "destroyed" differs from "never known" (a lost key store). {@code retentionFrom}: when
 * the subject's retention period began (null: not yet). Holds nothing personal.
 */
public record SubjectKey(String subject, String scope, byte[] key, Instant retentionFrom, Instant destroyedAt) {

    public boolean destroyed() {
        return key == null;
    }
}
