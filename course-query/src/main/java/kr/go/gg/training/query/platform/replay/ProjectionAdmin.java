package kr.go.gg.training.query.platform.replay;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import kr.go.gg.training.query.platform.nodes.PeriodicTask;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Rebuilds one read model beside its live generation while every query keeps answering from the live one
 * ({@link ProjectionRebuild}, {@link GenerationSwitch}); each projection runs on its own processor, so the others
 * keep following live events throughout. One rebuild per projection at a time: asked again while one runs, the
 * replay answers the running one's status. The rebuild's record in {@code readmodel_generations} ({@code building})
 * is shared by every query node: any node answers the same status, and a rebuild whose node stopped beating (it died,
 * or this node restarted) is started over by whichever node sees it first, from the first event (the live generation
 * stays the old one until then). Every {@link #TICK} this node also drops generations retired by a switch.
 */
public class ProjectionAdmin implements SmartLifecycle {

    /** docs/api.md: {@code {"name","replaying","progress","position","head"}}. */
    public record ProjectionStatus(String name, boolean replaying, double progress, long position, long head) {
    }

    /** A rebuild whose heartbeat is older than this is taken over by another node (or this one after a restart). */
    static final Duration STALE = Duration.ofSeconds(10);
    static final Duration TICK = Duration.ofSeconds(1);
    /** How long a stop waits for a rebuild's switch under way (a switch waits for other nodes for a few seconds). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final RebuildParts parts;
    private final Map<String, ProjectionRebuild> running = new ConcurrentHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final SwitchHold hold = new SwitchHold();
    /** The rebuild whose read has not begun yet: a rebuild asked for now joins it. */
    private ProjectionRebuild gathering;
    private PeriodicTask tick;
    private boolean stopped;

    public ProjectionAdmin(RebuildParts parts) {
        this.parts = parts;
    }

    /** The rebuild could not be started (the shared record could not be written): nothing changed. */
    public static final class ReplayNotPossible extends RuntimeException {
        public ReplayNotPossible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Every projection's status, the same on every node (stored tokens and the rebuild records). */
    public List<ProjectionStatus> statuses() {
        return ProcessingGroups.ALL.stream().map(this::status).toList();
    }

    /** One projection's status (see {@link #statuses()}). */
    public ProjectionStatus status(String name) {
        long head = head(name);
        Optional<Document> building = parts.generations().building(name);
        if (building.isPresent()) {
            long position = building.get().get("position") instanceof Number n ? n.longValue() : 0L;
            long resetAt = building.get().get("resetAt") instanceof Number n ? n.longValue() : 0L;
            double progress = resetAt <= 0 ? 0.0 : Math.min(1.0, (double) position / resetAt);
            return new ProjectionStatus(name, true, progress, position, head);
        }
        long position = parts.storedTokens().tokens(name).values().stream()
                .mapToLong(token -> token == null ? 0L : token.position().orElse(0L)).min().orElse(0L);
        return new ProjectionStatus(name, false, head <= 0 ? 1.0 : Math.min(1.0, (double) position / head),
                position, head);
    }

    /**
     * Starts the rebuild of {@code name} (or finds the one running) and answers its status as it starts; empty for a
     * name that is not one of this module's read models.
     */
    public Optional<ProjectionStatus> replay(String name) {
        if (!ProcessingGroups.ALL.contains(name)) {
            return Optional.empty();
        }
        long head = head(name);
        int live = parts.generations().refresh(name);
        Document record = new Document("generation", live + 1).append("owner", parts.owner())
                .append("beat", System.currentTimeMillis()).append("position", 0L).append("resetAt", head);
        try {
            long now = System.currentTimeMillis();
            parts.generations().pointers().updateOne(
                    and(eq("_id", name), or(exists("building", false), lt("building.beat", now - STALE.toMillis()))),
                    Updates.combine(Updates.set("building", record), Updates.setOnInsert("live", live)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new ReplayNotPossible("The rebuild could not be recorded; nothing was changed. Retry shortly.", e);
            }
            // a rebuild is on record already (the filter did not match an existing pointer): answer its status
        }
        Document current = parts.generations().building(name).orElse(null);
        if (current != null && parts.owner().equals(current.getString("owner"))
                && current.getInteger("generation", -1) == live + 1 && !running.containsKey(name)) {
            start(name, live + 1);
            return Optional.of(new ProjectionStatus(name, true, 0.0, 0L, head));
        }
        return Optional.of(status(name));
    }

    /**
     * Starts the rebuild of {@code name} into {@code generation}, after dropping whatever an abandoned rebuild of that
     * generation left: it joins the rebuild that is still gathering projections for its read, else starts one.
     */
    private synchronized void start(String name, int generation) {
        if (stopped || running.containsKey(name)) {
            return;
        }
        parts.switcher().dropGeneration(name, generation);
        parts.letters().discardRebuild(name, generation);
        RebuildTarget target = new RebuildTarget(name, generation, parts.owner(), parts.processor(name),
                parts.generations(), parts.bufferDocuments(), parts.letters().rebuildQueue(name, generation));
        if (gathering == null || !gathering.join(target)) {
            gathering = new ProjectionRebuild(parts.switcher(), parts.settings(hold),
                    this::finished);
            gathering.join(target);
            ProjectionRebuild rebuild = gathering;
            Thread thread = new Thread(() -> {
                try {
                    rebuild.run();
                } finally {
                    threads.remove(Thread.currentThread());
                }
            }, "rebuild-" + name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        running.put(name, gathering);
        log.info("Rebuild of {} started: generation {} is built beside the live one", name, generation);
    }

    /** A target is done; under this lock, so {@link #start} records it as running before it can be done. */
    private synchronized void finished(RebuildTarget target) {
        running.remove(target.projection);
    }

    /** Test hook: holds the next switch of {@code projection} (the rebuild has caught up) until released. */
    public void holdSwitch(String projection, CountDownLatch release) {
        hold.hold(projection, release);
    }

    public void releaseSwitch(String projection) {
        hold.release(projection);
    }

    /** Whether a rebuild of {@code projection} runs on this node now. */
    boolean rebuilding(String projection) {
        return running.containsKey(projection);
    }

    /** One round: take over abandoned rebuilds, drop retired generations, log progress. */
    void tick() {
        long now = System.currentTimeMillis();
        for (String name : ProcessingGroups.ALL) {
            Document pointer = parts.generations().pointer(name);
            if (pointer == null) {
                continue;
            }
            Document building = pointer.get("building", Document.class);
            if (building != null && !running.containsKey(name)) {
                boolean mine = parts.owner().equals(building.getString("owner"));
                boolean stale = !(building.get("beat") instanceof Number beat) || beat.longValue() < now - STALE.toMillis();
                if (mine || stale) {
                    takeOver(name, building, now);
                }
            } else if (building != null && parts.owner().equals(building.getString("owner"))) {
                log.info("Rebuild of {}: {} of {} events", name, building.get("position"), building.get("resetAt"));
            }
            Document retired = pointer.get("retired", Document.class);
            if (retired != null && retired.get("at") instanceof Number at && at.longValue() <= now) {
                parts.switcher().dropGeneration(name, retired.getInteger("generation", -1));
                parts.generations().pointers().updateOne(eq("_id", name), Updates.unset("retired"));
            }
        }
    }

    private void takeOver(String name, Document building, long now) {
        int generation = building.getInteger("generation", 1);
        long taken = parts.generations().pointers().updateOne(
                and(eq("_id", name), eq("building.generation", generation), eq("building.beat", building.get("beat"))),
                Updates.combine(Updates.set("building.owner", parts.owner()), Updates.set("building.beat", now),
                        Updates.set("building.position", 0L))).getModifiedCount();
        if (taken == 1) {
            log.info("Rebuild of {} (generation {}) left by {}: starting it over here", name, generation,
                    building.getString("owner"));
            start(name, generation);
        }
    }

    private long head(String name) {
        TrackingToken head = parts.processor(name).getMessageSource().createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(0L);
    }

    @Override
    public synchronized void start() {
        stopped = false;
        tick = PeriodicTask.start("projection-rebuilds", Duration.ZERO, TICK, this::tick, log,
                "Projection rebuilds not reachable");
    }

    /**
     * Stops the rebuilds running here and waits for their threads: a switch under way restarts its live processor when
     * it ends, and must end before Axon stops the processors, else that processor outlives the event store it reads.
     * The records stay, so the rebuilds start over after a restart.
     */
    @Override
    public void stop() {
        PeriodicTask stopping;
        synchronized (this) {
            stopped = true; // no rebuild starts from now on (a tick or a request may be on its way to start one)
            stopping = tick;
            tick = null;
            running.values().stream().distinct().forEach(ProjectionRebuild::stop);
        }
        if (stopping != null) {
            stopping.stop();
        }
        for (Thread thread : List.copyOf(threads)) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return tick != null;
    }

    /** Stops before Axon's processors (the rebuilds use them), starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
