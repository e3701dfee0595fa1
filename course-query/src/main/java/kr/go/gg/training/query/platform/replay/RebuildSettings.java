package kr.go.gg.training.query.platform.replay;

import java.time.Duration;

/**
 * How a rebuild runs: events per unit of work, documents its buffer holds before it writes them
 * ({@code course.query.rebuild.batch-size}, {@code course.query.rebuild.buffer-documents}), how long a new rebuild
 * waits for others to join its read ({@code course.query.rebuild.gather}), and the hold before its switch (none but in
 * tests).
 */
record RebuildSettings(int batchSize, int bufferDocuments, Duration gather, SwitchHold hold) {

    RebuildSettings {
        if (batchSize < 1 || bufferDocuments < 1) {
            throw new IllegalStateException("course.query.rebuild.batch-size (" + batchSize
                    + ") and course.query.rebuild.buffer-documents (" + bufferDocuments + ") must be at least 1");
        }
        if (gather.isNegative()) {
            throw new IllegalStateException("course.query.rebuild.gather (" + gather + ") must not be negative");
        }
    }
}
