package kr.go.gg.training.api;

import org.axonframework.queryhandling.QueryExecutionException;

/**
 * A query that could not read its read model because the read models' database cannot be reached (no server
 * within the selection timeout, a broken connection): answered 503 with {@code Retry-After}, never a 500. The
 * details ({@link #DETAILS}) travel through Axon Server, as those of {@link ReadModelNotReady}.
 */
public final class ReadModelsUnavailable extends QueryExecutionException {

    /** The marker in {@link #getDetails()}: what a remote node's answer carries instead of this class. */
    public static final String DETAILS = "read-models-unavailable";

    public ReadModelsUnavailable(Throwable cause) {
        super("The read models' database cannot be reached", cause, DETAILS);
    }

    /** Whether {@code e} or one of its causes says that the read models could not be reached (here or on another node). */
    public static boolean causedBy(Throwable e) {
        return MarkedRefusals.causedBy(e, ReadModelsUnavailable.class, DETAILS);
    }
}
