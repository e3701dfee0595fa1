package kr.go.gg.training.api;

import org.axonframework.queryhandling.QueryExecutionException;

/**
 * A query of a read model whose live generation is not complete yet (the first build of a new stored layout,
 * the query side marks it incomplete): answered 503 with {@code Retry-After}, never from a half-built model.
 * The details ({@link #DETAILS}) travel through Axon Server, so a node that asked another one knows it too. Here in
 * shared-api, as {@link TooManyRequests}, since the web rooms may not reach the read-model machinery.
 */
public final class ReadModelNotReady extends QueryExecutionException {

    /** The marker in {@link #getDetails()}: what a remote node's answer carries instead of this class. */
    public static final String DETAILS = "read-model-not-ready";

    public ReadModelNotReady(String projection) {
        super("The read model " + projection + " is being built for its new layout; it answers once that build has"
                + " caught up", null, DETAILS);
    }

    /** Whether {@code e} or one of its causes says that a read model is not ready (here or on another node). */
    public static boolean causedBy(Throwable e) {
        return MarkedRefusals.causedBy(e, ReadModelNotReady.class, DETAILS);
    }
}
