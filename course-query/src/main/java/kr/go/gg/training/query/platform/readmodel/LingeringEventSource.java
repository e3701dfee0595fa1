package kr.go.gg.training.query.platform.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream of the read-model processor, with micro-batching once it has caught up: when a batch ended
 * because no further event was available, the next batch waits {@code linger} after its first event arrives, so it
 * carries what the command side commits meanwhile. A batch costs one token write, one bulk write per collection and
 * one read per document it touches (BatchedCollection), whatever its size, and live batches were one to four events:
 * that per-batch cost took CPU the command side shares (docs/benchmarks.md). A processor that is behind (replay,
 * catch-up: its batches fill up) never waits. Costs at most {@code linger} of projection lag. Events of types the
 * processor does not handle are never skipped at the source (see {@code skipMessagesWithPayloadTypeOf}).
 */
public final class LingeringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final long lingerNanos;

    public LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration linger) {
        this.delegate = delegate;
        this.lingerNanos = linger.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Lingering(delegate.openStream(trackingToken), Math.max(0, lingerNanos));
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    private static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long lingerNanos;
        /** The last batch found the stream empty: the processor is at the head. */
        private boolean caughtUp;

        private Lingering(BlockingStream<TrackedEventMessage<?>> stream, long lingerNanos) {
            this.stream = stream;
            this.lingerNanos = lingerNanos;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = stream.peek();
            if (next.isEmpty()) {
                caughtUp = true;
            }
            return next;
        }

        /** A processor asks this (blocking) at the start of each batch; it fills the batch with peek/nextAvailable. */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean available = stream.hasNextAvailable(timeout, unit);
            if (available && caughtUp) {
                caughtUp = false;
                TimeUnit.NANOSECONDS.sleep(lingerNanos);
            }
            return available;
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        /**
         * Not passed on: Axon Server would then stop sending events of that type to this processor, whose tokens would
         * stay at the last event it was sent, and {@code ?minPosition=} (every segment's token past the position,
         * {@link ProcessedPositions}) would wait in vain for a processor that handles none of the events after it
         * (issue 17, ReadSideClusterIT). The processor ignores such an event at once, as on the embedded default,
         * whose polled store never skips.
         */
        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            // every event reaches the processor, so its token passes every position
        }
    }
}
