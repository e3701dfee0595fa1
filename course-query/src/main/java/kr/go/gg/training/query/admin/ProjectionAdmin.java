package kr.go.gg.training.query.admin;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.query.mongo.ReadModelConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays a read model from the first event while the rest keeps serving: the processor stops, its tokens are
 * reset (its {@code @ResetHandler} drops its collections) and it starts again from the tail. Progress comes from
 * the replay token positions; while a replay runs it is logged every 5 s. One node: in a cluster (Axon Server)
 * every node's processor must stop first (Axon Server's processor control), which this does not do.
 */
@Component
public class ProjectionAdmin implements SmartLifecycle {

    /** API.md: {@code {"name","replaying","progress","position","head"}}. */
    public record ProjectionStatus(String name, boolean replaying, double progress, long position, long head) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private ScheduledExecutorService progressLog;

    public ProjectionAdmin(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<ProjectionStatus> statuses() {
        return ReadModelConfiguration.PROCESSING_GROUPS.stream().map(this::status).toList();
    }

    /** False for a name that is not one of this module's read models. */
    public synchronized boolean replay(String name) {
        if (!ReadModelConfiguration.PROCESSING_GROUPS.contains(name)) {
            return false;
        }
        TrackingEventProcessor processor = processor(name);
        log.info("Replay of {} requested: stopping the processor and resetting its tokens", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return true;
    }

    ProjectionStatus status(String name) {
        TrackingEventProcessor processor = processor(name);
        long head = head(processor);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
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

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No tracking processor " + name));
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
        progressLog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        progressLog.scheduleWithFixedDelay(this::logProgress, 5, 5, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (progressLog != null) {
            progressLog.shutdownNow();
            progressLog = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return progressLog != null;
    }
}
