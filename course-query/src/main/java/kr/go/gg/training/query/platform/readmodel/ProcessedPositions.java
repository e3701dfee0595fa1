package kr.go.gg.training.query.platform.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import kr.go.gg.training.query.platform.web.ReadModelPositions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether the read models have processed every event up to a global position (read-your-writes of
 * {@code ?minPosition=}, the {@code X-Event-Position} a command answered). Read from the shared token store
 * ({@link StoredTokens}): every segment of every read-model processor (one per projection), whichever node processes
 * it, since the read models are shared too; a token is stored after its batch's writes, so a token past a position means the read models
 * hold that position's events. Waits share one reading of the tokens per {@code pollInterval}, only while someone
 * waits.
 * <p>
 * A JDBC event store's token may keep gaps: indexes below its own that held no committed event when it read past
 * them. A gap at or below the position may be a client's own event committed late (its answer came after that
 * commit), or a number nobody will ever commit (a rolled-back group commit). The engine tells which: a position is
 * processed once no gap at or below it holds a committed event. Axon Server's tokens have no gaps.
 */
public final class ProcessedPositions implements ReadModelPositions {

    private final StoredTokens tokens;
    private final List<String> processors;
    private final Supplier<EventStorageEngine> engine;
    private final Flux<Collection<TrackingToken>> polled;

    /** {@code engine}: the JDBC storage engine, or null where the tokens have no gaps (Axon Server). */
    public ProcessedPositions(StoredTokens tokens, List<String> processors, Supplier<EventStorageEngine> engine,
                              Duration pollInterval) {
        this.tokens = tokens;
        this.processors = List.copyOf(processors);
        this.engine = engine;
        this.polled = Flux.interval(Duration.ZERO, pollInterval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                // a failed read (MongoDB away) is a tick without news; the wait's own timeout ends it
                .concatMap(tick -> Mono.fromCallable(this::stored).onErrorResume(e -> Mono.empty()))
                .share();
    }

    /** Whether every event up to {@code position} has been processed, now. */
    @Override
    public boolean processed(long position) {
        return processed(stored(), position);
    }

    /** Completes once every event up to {@code position} has been processed (never empty; bound it). */
    @Override
    public Mono<Long> whenProcessed(long position) {
        return polled.filter(segments -> processed(segments, position)).next().map(segments -> position);
    }

    /** The lowest position every segment has passed (gaps aside); -1 before any. */
    @Override
    public long lowest() {
        return stored().stream()
                .mapToLong(token -> Optional.ofNullable(WrappedToken.unwrapLowerBound(token))
                        .flatMap(t -> t.position().stream().boxed().findFirst()).orElse(-1L))
                .min().orElse(-1);
    }

    /** The stored token of every segment of every processor; empty while any processor has stored none. */
    private Collection<TrackingToken> stored() {
        Map<String, Map<Integer, TrackingToken>> byProcessor = tokens.tokens(processors);
        if (!byProcessor.keySet().containsAll(processors)) {
            return List.of();
        }
        List<TrackingToken> all = new ArrayList<>();
        byProcessor.values().forEach(segments -> all.addAll(segments.values()));
        return all;
    }

    private boolean processed(Collection<TrackingToken> segments, long position) {
        if (segments.isEmpty()) {
            return false;
        }
        TreeSet<Long> gaps = new TreeSet<>();
        for (TrackingToken stored : segments) {
            TrackingToken token = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
            if (token == null || token.position().orElse(-1) < position) {
                return false;
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(position + 1));
            }
        }
        return gaps.isEmpty() || !committedIn(gaps, position);
    }

    /** Whether any of {@code gaps} (all at or below {@code position}) now holds a committed event. */
    private boolean committedIn(TreeSet<Long> gaps, long position) {
        EventStorageEngine store = engine.get();
        if (store == null) {
            return true; // no engine to ask: wait for the token to close its gaps
        }
        // read past a token at the position with these gaps: the first event found in a gap comes first
        try (Stream<? extends TrackedEventMessage<?>> found = store.readEvents(
                GapAwareTrackingToken.newInstance(position, gaps), false)) {
            return found.findFirst().flatMap(event -> event.trackingToken().position().stream().boxed().findFirst())
                    .map(index -> index <= position).orElse(false);
        }
    }
}
