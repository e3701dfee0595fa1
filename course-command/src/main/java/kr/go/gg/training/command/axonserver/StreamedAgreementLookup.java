package kr.go.gg.training.command.axonserver;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The agreements, for the China-course rule, on a node of several: each node follows the whole event stream of
 * Axon Server from the first event and keeps the earliest month each province's agreement is in force. A lookup
 * that finds none waits until this node has read up to the head of the stream as it was when asked, so an
 * agreement acknowledged through any node before the proposal is honoured by every node, a node started later
 * included. Axon Server gives every event the next global position, with no gaps, so "read up to the head" is exact.
 * (On the embedded default one process appends and its lookup table commits with the agreement itself.)
 */
public class StreamedAgreementLookup implements AgreementLookup, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamedAgreementLookup.class);

    private final EventStore eventStore;
    private final Duration catchUpLimit;
    private final Map<Province, YearMonth> inForceFrom = new HashMap<>();
    /** Global position of the last event read; -1 before the first. Guarded by {@code this}. */
    private long position = -1;
    private TrackingToken token;
    private volatile Thread follower;

    public StreamedAgreementLookup(EventStore eventStore, Duration catchUpLimit) {
        this.eventStore = eventStore;
        this.catchUpLimit = catchUpLimit;
    }

    @Override
    public boolean inForce(Province province, YearMonth month) {
        synchronized (this) {
            if (known(province, month)) {
                return true;
            }
        }
        long head = position(eventStore.createHeadToken());
        long deadline = System.nanoTime() + catchUpLimit.toNanos();
        synchronized (this) {
            while (position < head) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AgreementsNotCaughtUp(position, head);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AgreementsNotCaughtUp(position, head);
                }
            }
            return known(province, month);
        }
    }

    private boolean known(Province province, YearMonth month) {
        YearMonth from = inForceFrom.get(province);
        return from != null && !from.isAfter(month);
    }

    private void follow() {
        while (follower == Thread.currentThread()) {
            TrackingToken from;
            synchronized (this) {
                from = token;
            }
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
                while (follower == Thread.currentThread()) {
                    if (!stream.hasNextAvailable(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    read(stream.nextAvailable());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Axon Server unreachable or restarting: open the stream again from the last event read
                log.debug("Agreement stream interrupted; reopening", e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void read(TrackedEventMessage<?> event) {
        synchronized (this) {
            if (AgreementRecorded.class.equals(event.getPayloadType())) {
                AgreementRecorded agreement = (AgreementRecorded) event.getPayload();
                inForceFrom.merge(agreement.province(), agreement.signedOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
            token = event.trackingToken();
            position = position(token);
            notifyAll();
        }
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1L);
    }

    @Override
    public synchronized void start() {
        Thread thread = new Thread(this::follow, "agreement-lookup");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = follower;
        follower = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return follower != null;
    }

    /** This node could not read up to the stream's head in time: the proposal is answered 503, not refused. */
    public static class AgreementsNotCaughtUp extends RuntimeException {
        AgreementsNotCaughtUp(long position, long head) {
            super("The agreements are not read up to date yet (at " + position + " of " + head + "); retry shortly");
        }
    }
}
