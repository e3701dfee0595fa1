package kr.go.gg.training.query.platform.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.query.platform.nodes.NodesDidNotStop;
import kr.go.gg.training.query.platform.nodes.PeriodicTask;
import kr.go.gg.training.query.platform.nodes.ReadModelNodes;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays one read model from the first event while the others keep their documents and keep serving. Every read
 * model runs on the one processor {@link ProcessingGroups#READ_MODELS}: a replay stops it, resets its tokens with
 * a {@link ProjectionReplay} naming the projection (only that projection's {@code @ResetHandler} drops its
 * collections, only it handles the replayed events, see {@code ProjectionReplayFilter}) and starts it again from
 * the tail. The others skip the old events; events newer than the reset position reach every projection.
 * <p>
 * A replay asked for while another is running widens it: the new reset names both (the one running started over,
 * its collections are dropped again), so neither is left half rebuilt; a running replay of everything (a plain
 * {@code resetTokens()}) stays one of everything. While the processor replays, the live updates of every projection
 * wait behind the replayed events (one processor, one position).
 * <p>
 * Progress comes from the replay token positions as the shared token store holds them (the cluster's, whichever node
 * processes); while a replay runs it is logged every 5 s.
 * <p>
 * Several query nodes (axonserver): asked on any node, the replay stops the processor on EVERY query node first
 * ({@link ReadModelNodes}: they shut down and release their claims), resets the tokens once, here, and then starts
 * the processor again everywhere. A node that does not stop in time (and a claim still held elsewhere) makes the
 * replay a {@link ReplayNotPossible} (HTTP 503): nothing reset, everything stopped started again.
 */
@Component
public class ProjectionAdmin implements SmartLifecycle {

    /** docs/api.md: {@code {"name","replaying","progress","position","head"}}. */
    public record ProjectionStatus(String name, boolean replaying, double progress, long position, long head) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    /** Null: this node's processor's status only (a test of one node without the shared token store). */
    private final StoredTokens storedTokens;
    private final ReadModelNodes nodes;
    private final Duration stopTimeout;
    private PeriodicTask progressLog;

    /** One node on its own: status from this node's processor, nobody else to stop. */
    public ProjectionAdmin(EventProcessingConfiguration processing) {
        this(processing, null, ReadModelNodes.thisNodeOnly(), DEFAULT_STOP_TIMEOUT);
    }

    @Autowired
    public ProjectionAdmin(EventProcessingConfiguration processing, StoredTokens storedTokens, ReadModelNodes nodes) {
        this(processing, storedTokens, nodes, DEFAULT_STOP_TIMEOUT);
    }

    public ProjectionAdmin(EventProcessingConfiguration processing, StoredTokens storedTokens, ReadModelNodes nodes,
                    Duration stopTimeout) {
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.nodes = nodes;
        this.stopTimeout = stopTimeout;
    }

    /** How long a replay waits for every query node to stop its processor before it gives up (503). */
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** The replay could not stop every query node's processor (one did not answer in time): nothing was reset. */
    public static final class ReplayNotPossible extends RuntimeException {
        public ReplayNotPossible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The cluster's status: from every segment's token as the shared token store holds it, whichever node processes
     * it (a node that processes nothing, a hot standby, answers the same as the one that does).
     */
    public List<ProjectionStatus> statuses() {
        Map<Integer, EventTrackerStatus> segments = storedTokens == null ? processor().processingStatus()
                : trackerStatuses(storedTokens.tokens(ProcessingGroups.READ_MODELS));
        long head = head(processor());
        return ProcessingGroups.ALL.stream().map(name -> status(name, segments, head)).toList();
    }

    /**
     * Starts the replay; answers the projection's status as the reset left it (replaying, from the first event), so
     * the answer does not depend on how far the replay got before it was written; empty for a name that is not one
     * of this module's read models.
     */
    public synchronized Optional<ProjectionStatus> replay(String name) {
        if (!ProcessingGroups.ALL.contains(name)) {
            return Optional.empty();
        }
        TrackingEventProcessor processor = processor();
        String requestId = UUID.randomUUID().toString();
        processor.shutDown();
        ProjectionStatus reset;
        try {
            // every other query node stops too and releases its claims: only then can this one claim every
            // segment for the reset (Axon's resetTokens claims them; a claim held elsewhere would refuse it)
            try {
                nodes.stopOthers(requestId, stopTimeout, storedTokens, ProcessingGroups.READ_MODELS);
            } catch (NodesDidNotStop e) {
                log.warn("Replay of {} not started: {}", name, e.getMessage());
                throw new ReplayNotPossible("Not every query node stopped its read-model processor in time; nothing "
                        + "was reset. Retry shortly.", e);
            }
            reset(processor, name, claimedTokensWithinStopTimeout(name));
            reset = status(name, trackerStatuses(claimedTokens()), head(processor));
        } finally {
            // also when the reset failed or was not possible: the read models keep being updated, on every node;
            // unless another node's replay has meanwhile stopped this one too (two replays asked at once on two
            // nodes): that one starts it when it ends
            if (!nodes.stoppedForAnotherNode()) {
                processor.start();
                awaitWorking(processor);
            }
            nodes.startOthers(requestId);
        }
        return Optional.of(reset);
    }

    /**
     * The stored tokens, claimed for this node. A claim that a stopped node could not release (or one just handed
     * over between nodes) runs out after the claim timeout: keep trying until then, within the stop timeout.
     */
    private Map<Integer, TrackingToken> claimedTokensWithinStopTimeout(String name) {
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        while (true) {
            try {
                return claimedTokens();
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    log.warn("Replay of {} not started: {}", name, e.getMessage());
                    throw new ReplayNotPossible("Another query node still holds the read-model processor's claim;"
                            + " nothing was reset. Retry shortly.", e);
                }
                sleepBriefly();
            }
        }
    }

    /** Resets the tokens for {@code name}, together with a replay still running (it starts over). */
    private static void reset(TrackingEventProcessor processor, String name, Map<Integer, TrackingToken> stored) {
        if (stored.values().stream().anyMatch(java.util.Objects::nonNull)) {
            ProjectionReplay replay = ProjectionReplay.runningIn(stored.values()).map(running -> running.and(name))
                    .orElse(ProjectionReplay.of(name));
            log.info("Replay of {} requested: stopping the processor and resetting its tokens for {}", name, replay.projections());
            processor.resetTokens(replay);
        } else {
            // no token yet: the processor starts from the first event anyway (and Axon would store a null
            // replay token, which axon-mongo's token store cannot: a NullPointerException, answered 500)
            log.info("Replay of {} requested: the read models have handled no event yet, nothing to rebuild", name);
        }
    }

    /**
     * Every segment's stored token, null for a segment that has handled no event (the processor is stopped: read
     * from the token store, which claims the segments for this node, as the reset does next).
     */
    private Map<Integer, TrackingToken> claimedTokens() {
        TokenStore tokens = processing.tokenStore(ProcessingGroups.READ_MODELS);
        Map<Integer, TrackingToken> stored = new java.util.TreeMap<>();
        for (int segment : tokens.fetchSegments(ProcessingGroups.READ_MODELS)) {
            stored.put(segment, tokens.fetchToken(ProcessingGroups.READ_MODELS, segment));
        }
        return stored;
    }

    /** The segments' statuses as the stored tokens give them (what {@link #status} reads). */
    private static Map<Integer, EventTrackerStatus> trackerStatuses(Map<Integer, TrackingToken> stored) {
        int[] ids = stored.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, EventTrackerStatus> segments = new java.util.TreeMap<>();
        stored.forEach((id, token) -> segments.put(id, new TrackerStatus(Segment.computeSegment(id, ids), token)));
        return segments;
    }

    /**
     * Waits (at most {@link #START_WAIT_MILLIS}) until the started processor has claimed its segment: a shutdown that
     * comes while Axon's work launcher is still claiming (the next replay asked for right away) can leave the
     * processor started without a worker, so replays are taken one at a time, each after the last one runs.
     */
    private static void awaitWorking(TrackingEventProcessor processor) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MILLIS);
        while (processor.processingStatus().isEmpty() && !processor.isError() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static final long START_WAIT_MILLIS = 10_000;
    private static final Duration PROGRESS_PERIOD = Duration.ofSeconds(5);

    /** One projection's status from the processor's segments (package-private for its test). */
    static ProjectionStatus status(String name, Map<Integer, EventTrackerStatus> segments, long head) {
        // not Axon's isReplaying(): its replay token stays until an event newer than the reset position arrives,
        // so on a quiet system a finished replay would say "replaying" (and be logged at 100 %) for good
        boolean replaying = segments.values().stream().anyMatch(segment ->
                ProjectionReplay.running(token(segment)).map(r -> r.includes(name)).orElse(false));
        long position = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(0L)).min().orElse(0L);
        double progress;
        if (replaying) {
            long resetAt = segments.values().stream().map(EventTrackerStatus::getResetPosition)
                    .mapToLong(p -> p.orElse(0L)).max().orElse(0L);
            progress = resetAt <= 0 ? 0.0 : Math.min(1.0, (double) position / resetAt);
        } else {
            progress = head <= 0 ? 1.0 : Math.min(1.0, (double) position / head);
        }
        return new ProjectionStatus(name, replaying, progress, position, head);
    }

    /** The segment's token as stored, replay token included ({@code getTrackingToken()} unwraps it). */
    private static TrackingToken token(EventTrackerStatus segment) {
        return segment instanceof TrackerStatus status ? status.getInternalTrackingToken() : segment.getTrackingToken();
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ProcessingGroups.READ_MODELS, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + ProcessingGroups.READ_MODELS));
    }

    private static long head(TrackingEventProcessor processor) {
        TrackingToken head = processor.getMessageSource().createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(0L);
    }

    private void logProgress() {
        try {
            for (ProjectionStatus status : statuses()) {
                if (status.replaying()) {
                    log.info("Replay of {}: {} of {} ({}%)", status.name(), status.position(), status.head(),
                            Math.round(status.progress() * 1000) / 10.0);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Replay progress not available", e);
        }
    }

    @Override
    public synchronized void start() {
        progressLog = PeriodicTask.start("replay-progress", PROGRESS_PERIOD, PROGRESS_PERIOD, this::logProgress, log,
                "Replay progress not available");
    }

    @Override
    public synchronized void stop() {
        if (progressLog != null) {
            progressLog.stop();
            progressLog = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return progressLog != null;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayNotPossible("Interrupted while waiting for the read-model processor's claims", e);
        }
    }
}
