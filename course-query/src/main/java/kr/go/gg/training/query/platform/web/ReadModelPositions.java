package kr.go.gg.training.query.platform.web;

import reactor.core.publisher.Mono;

/**
 * How far the read models have processed the event store's global positions: what {@code ?minPosition=} waits
 * for. The web rooms reach no read model, so the read-model room implements this ({@code ProcessedPositions}).
 */
public interface ReadModelPositions {

    /** Whether every event up to {@code position} has been processed, now. */
    boolean processed(long position);

    /** Completes once every event up to {@code position} has been processed (never empty; bound it). */
    Mono<Long> whenProcessed(long position);

    /** The lowest position every segment has passed; -1 before any. */
    long lowest();
}
