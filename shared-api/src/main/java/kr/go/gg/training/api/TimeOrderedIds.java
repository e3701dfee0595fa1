package kr.go.gg.training.api;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New identifiers as time-ordered UUIDs (RFC 9562 version 7: milliseconds since the epoch, then random bits), for
 * aggregates and, through Axon's {@code IdentifierFactory}, for messages and events.
 * <p>
 * Why: every store here keeps its rows in B-trees keyed by these ids (the event table's unique indexes on the
 * event id and on aggregate id plus sequence, and the read models' {@code _id}s). A random UUID lands on a random
 * leaf, so each commit rewrites as many scattered pages as it has new keys; ids that grow with time land on the
 * same few rightmost pages. They are still UUIDs in the same text form. They reveal when they were made, and ids
 * made within one millisecond count up from a random start (that is how they stay ordered); nothing here treats an
 * id as a secret: every request is authenticated and checked by role, whatever id it names.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    /** A new version-7 UUID in its usual 36-character text form; later calls sort after earlier ones. */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
