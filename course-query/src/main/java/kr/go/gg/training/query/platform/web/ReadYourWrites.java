package kr.go.gg.training.query.platform.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import kr.go.gg.training.api.InvalidValueException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The waits of read-your-writes ({@code ?minVersion=} of one course, {@code ?minPosition=} of any query), bounded in length and in number, and refused at once when
 * they could not end. The event store is the record of what was written (JDBC on the embedded default, Axon Server
 * in production): a version above its last sequence number for the aggregate has not been written, so waiting for
 * it would only hold the request until the timeout (issue 14: 400 of them stalled the service). A client only learns
 * a version from a command's answer, after the append, so a version it was given is never refused. The waits hold no
 * worker thread (the answer is asynchronous); at most {@code course.query.max-version-waits} are open per node.
 */
@Component
public class ReadYourWrites {

    private final EventStore events;
    private final ReadModelPositions positions;
    private final Duration longest;
    private final Semaphore open;
    private final int max;

    public ReadYourWrites(EventStore events, ReadModelPositions positions,
                          @Value("${course.query.min-version-wait:10s}") Duration longest,
                          @Value("${course.query.max-version-waits:200}") int max) {
        this.events = events;
        this.positions = positions;
        this.longest = longest;
        this.max = max;
        this.open = new Semaphore(max);
    }

    /**
     * {@code reached} (the read model's answers, the first that has applied {@code minVersion}) once it comes, at
     * most {@code course.query.min-version-wait}; empty when it did not come in time. 404 for an aggregate without
     * events, 409 for a version not written, 503 when too many waits are open.
     */
    public <T> Mono<T> await(String what, String id, long minVersion, Supplier<Mono<T>> reached) {
        if (minVersion < 0) {
            throw new InvalidValueException("minVersion", "must be a version (0 or more)");
        }
        long written = events.lastSequenceNumberFor(id).orElseThrow(() -> QueryProblems.notFound(what, id));
        if (minVersion > written) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Version " + minVersion + " of " + what + " " + id
                    + " has not been written (its latest is " + written + "); there is nothing to wait for");
        }
        return bounded(() -> reached.get().timeout(longest, Mono.empty()));
    }

    /**
     * Read-your-writes for any query ({@code ?minPosition=}, the {@code X-Event-Position} of a command's answer):
     * {@code query} is asked once the read models have processed every event up to {@code minPosition}, at once when
     * it is null or already processed, else after a wait of at most {@code course.query.min-version-wait} (then 503).
     * 400 for a negative position, 409 at once for one the event store has not written, 503 when too many wait.
     */
    public <T> Mono<T> atPosition(Long minPosition, Supplier<CompletableFuture<T>> query) {
        if (minPosition == null) {
            return Mono.fromFuture(query);
        }
        if (minPosition < 0) {
            throw new InvalidValueException("minPosition", "must be an event position (0 or more)");
        }
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (minPosition > head) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Event position " + minPosition + " has not been "
                    + "written (the latest is " + head + "); there is nothing to wait for");
        }
        if (positions.processed(minPosition)) {
            return Mono.fromFuture(query);
        }
        return bounded(() -> positions.whenProcessed(minPosition).timeout(longest, Mono.empty()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The read models have processed events up to position " + positions.lowest() + ", not yet "
                                + minPosition + "; retry shortly")))
                .flatMap(reached -> Mono.fromFuture(query));
    }

    /** {@code wait} unless too many are open (503); counted until it ends. */
    private <T> Mono<T> bounded(Supplier<Mono<T>> wait) {
        if (!open.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many requests are waiting for "
                    + "versions or positions (" + max + "); retry shortly");
        }
        try {
            return wait.get().doFinally(signal -> open.release());
        } catch (RuntimeException e) {
            open.release();
            throw e;
        }
    }
}
