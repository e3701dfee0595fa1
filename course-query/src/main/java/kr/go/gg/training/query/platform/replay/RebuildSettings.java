package kr.go.gg.training.query.platform.replay;

/**
 * How a rebuild runs: events per unit of work, documents its buffer holds before it writes them
 * ({@code course.query.rebuild.batch-size}, {@code course.query.rebuild.buffer-documents}), and the hold before its
 * switch (none but in tests).
 */
record RebuildSettings(int batchSize, int bufferDocuments, SwitchHold hold) {

    RebuildSettings {
        if (batchSize < 1 || bufferDocuments < 1) {
            throw new IllegalStateException("course.query.rebuild.batch-size (" + batchSize
                    + ") and course.query.rebuild.buffer-documents (" + bufferDocuments + ") must be at least 1");
        }
    }
}
