package kr.go.gg.training.query.platform.nodes;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The query nodes' board for a rebuild's switch, a small collection in the shared MongoDB ({@value #COLLECTION}):
 * every node writes a heartbeat, and follows the one order on the board: STOP (shut the named
 * projection's processor down, which releases its claims, and say so) or START (start it again). The node whose rebuild switches writes the order and waits until every live node has stopped.
 * <p>
 * Why not Axon's scatter-gather query: Axon Server sends a query, scatter-gather too, to ONE instance of each
 * application (component name), so of two course-query nodes only one would hear it. MongoDB is what every query node
 * shares anyway (read models and tokens), on the embedded default too.
 * <p>
 * A stop order carries a lease ({@link #STOP_LEASE}): should the asking node die before it orders the start, the
 * others start again on their own when the lease runs out. With {@code coordinated} false (the embedded default: one
 * node, nobody else to tell) nothing is written and nothing is waited for.
 */
public class ReadModelNodes implements SmartLifecycle {

    static final String COLLECTION = "processor_control";
    static final Duration STOP_LEASE = Duration.ofSeconds(30);
    static final Duration TICK = Duration.ofMillis(200);
    static final Duration HEARTBEAT = Duration.ofMillis(500); // and after NODE_TIMEOUT of silence a node counts as gone
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);
    private static final String ORDER = "order";
    private static final String STOPPED = "STOPPED";
    private static final String STARTED = "STARTED";

    private static final Logger log = LoggerFactory.getLogger(ReadModelNodes.class);

    private final MongoCollection<Document> board;
    private final String nodeId;
    /** A read-model processor by name (Axon builds them after the beans: looked up when needed). */
    private final Function<String, TrackingEventProcessor> processors;
    private final List<String> names;
    private final boolean coordinated;
    private final Clock clock;
    /** Replays this node runs itself (it stops and starts its own processor). */
    private final Set<String> ownRequests = ConcurrentHashMap.newKeySet();
    /** The other node's request this node's processor {@link #stoppedProcessor} is stopped for; null while it runs. */
    private volatile String stoppedFor;
    private volatile String stoppedProcessor;
    private long lastBeat;
    private long lastRelease;
    private PeriodicTask timer;
    /** How many segments a processor has in all (stored tokens); 0: no balancing. */
    private volatile ToIntFunction<String> totalSegments = name -> 0;
    /** Per processor: since when this node has held more than its part without a break. */
    private final java.util.Map<String, Long> overShare = new ConcurrentHashMap<>();

    public ReadModelNodes(MongoCollection<Document> board, String nodeId, Function<String, TrackingEventProcessor> processors,
                          List<String> names, boolean coordinated, Clock clock) {
        this.board = board;
        this.nodeId = nodeId;
        this.processors = processors;
        this.names = List.copyOf(names);
        this.coordinated = coordinated;
        this.clock = clock;
    }

    /**
     * Shares the processor's segments between the live nodes: a node holding more than its part (all segments over
     * the live nodes, rounded up) for {@link #RELEASE_PERIOD} without a break releases one, at most one per period, for
     * another node to claim. Waiting that long leaves the recovery after a restart (every node claiming at once) alone.
     * Axon's tracking processor claims every segment it has a thread for, so without this the first node started
     * would keep them all and the others would only stand by.
     */
    void balance(ToIntFunction<String> totalSegments) {
        this.totalSegments = totalSegments;
    }

    static final Duration RELEASE_PERIOD = Duration.ofSeconds(5);
    static final Duration RELEASED_FOR = Duration.ofSeconds(3); // long enough for another node to claim it

    private void balance(long now) {
        int live = -1;
        for (String name : names) {
            TrackingEventProcessor running = processors.apply(name);
            java.util.Map<Integer, ?> mine = running.isRunning() ? running.processingStatus() : java.util.Map.of();
            // a node with one segment or none never holds more than its part: no reads of the board or the tokens
            if (mine.size() < 2 || stoppedFor != null || !ownRequests.isEmpty()) {
                overShare.remove(name);
                continue;
            }
            int total = totalSegments.applyAsInt(name);
            live = live < 0 ? liveNodes().size() : live;
            if (live < 2 || mine.size() <= (total + live - 1) / live) {
                overShare.remove(name);
                continue;
            }
            long since = overShare.computeIfAbsent(name, k -> now);
            if (now - since >= RELEASE_PERIOD.toMillis() && now - lastRelease >= RELEASE_PERIOD.toMillis()) {
                int segment = mine.keySet().stream().max(Integer::compare).orElseThrow();
                log.info("Holding {} of {} segments of {} with {} query nodes live: releasing segment {} for another node",
                        mine.size(), total, name, live, segment);
                running.releaseSegment(segment, RELEASED_FOR.toMillis(), TimeUnit.MILLISECONDS);
                lastRelease = now;
                overShare.remove(name);
            }
        }
    }

    /** A single node: nothing to tell anyone (tests of one node, and the embedded default). */
    public static ReadModelNodes thisNodeOnly() {
        return new ReadModelNodes(null, "this-node", name -> null, List.of(), false, Clock.systemUTC());
    }

    /** True while another node's switch holds this node's {@code processor} stopped (that switch starts it again). */
    public boolean stoppedForAnotherNode(String processor) {
        return stoppedFor != null && processor.equals(stoppedProcessor);
    }

    /** True while a processor of this node is stopped for a switch, its own or another node's (the watchdog keeps off). */
    boolean replaying() {
        return !ownRequests.isEmpty() || stoppedFor != null;
    }

    /**
     * Orders every other node to stop its processor for {@code requestId} and waits (at most {@code timeout}) until
     * every live one has, and no segment is claimed by another node any more (a killed node's claim runs out).
     * This node stops its own processor itself.
     */
    public void stopOthers(String requestId, Duration timeout, StoredTokens tokens, String processorName) {
        ownRequests.add(requestId);
        if (!coordinated) {
            return;
        }
        try { // one stop order at a time on the board: another node's switch holding its order postpones this one
            board.replaceOne(Filters.and(eq("_id", ORDER), Filters.or(Filters.ne("action", "STOP"),
                            Filters.lt("until", clock.millis()))),
                    new Document("_id", ORDER).append("action", "STOP").append("requestId", requestId)
                            .append("processor", processorName).append("until", clock.millis() + STOP_LEASE.toMillis())
                            .append("by", nodeId), new ReplaceOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException e) {
            ownRequests.remove(requestId);
            throw new NodesDidNotStop("another query node's switch holds the board");
        }
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            Set<String> waitingFor = new HashSet<>(liveNodes());
            waitingFor.remove(nodeId);
            waitingFor.removeAll(acknowledged(requestId, STOPPED));
            List<StoredTokens.Stored> claimed = tokens.claimedByOthers(processorName, clock.millis());
            if (waitingFor.isEmpty() && claimed.isEmpty()) {
                log.info("Replay {}: every query node has stopped the read-model processor", requestId);
                return;
            }
            if (clock.millis() > deadline) {
                throw new NodesDidNotStop("query nodes " + waitingFor + " did not stop the read-model processor within "
                        + timeout.toSeconds() + " s" + (claimed.isEmpty() ? "" : "; segments still claimed by "
                        + claimed.stream().map(StoredTokens.Stored::owner).distinct().toList()));
            }
            sleep(50);
        }
    }

    /** Orders every other node to start its processor again (the end of {@code requestId}, also when it failed). */
    public void startOthers(String requestId) {
        try {
            if (coordinated) {
                order(new Document("action", "START").append("requestId", requestId).append("by", nodeId));
            }
        } finally {
            ownRequests.remove(requestId);
        }
    }

    /** Ends this node's own order only: a START never replaces another node's switch. */
    private void order(Document order) {
        board.replaceOne(Filters.and(eq("_id", ORDER), eq("requestId", order.getString("requestId"))),
                order.append("_id", ORDER));
    }

    private Set<String> liveNodes() {
        Set<String> live = new HashSet<>();
        long since = clock.millis() - NODE_TIMEOUT.toMillis();
        for (Document node : board.find(eq("kind", "node"))) {
            Object seen = node.get("seen");
            if (seen instanceof Number n && n.longValue() >= since) {
                live.add(node.getString("node"));
            }
        }
        return live;
    }

    private Set<String> acknowledged(String requestId, String state) {
        Set<String> nodes = new HashSet<>();
        for (Document ack : board.find(eq("kind", "ack"))) {
            if (requestId.equals(ack.getString("requestId")) && state.equals(ack.getString("state"))) {
                nodes.add(ack.getString("node"));
            }
        }
        return nodes;
    }

    private void acknowledge(String requestId, String state) {
        board.replaceOne(eq("_id", "ack:" + nodeId), new Document("_id", "ack:" + nodeId).append("kind", "ack")
                .append("node", nodeId).append("requestId", requestId).append("state", state)
                .append("at", clock.millis()), new ReplaceOptions().upsert(true));
    }

    /** One round of the timer: heartbeat now and then, and follow the order on the board. */
    void tick() {
        long now = clock.millis();
        if (now - lastBeat >= HEARTBEAT.toMillis()) {
            board.replaceOne(eq("_id", "node:" + nodeId), new Document("_id", "node:" + nodeId).append("kind", "node")
                    .append("node", nodeId).append("seen", now), new ReplaceOptions().upsert(true));
            lastBeat = now;
            balance(now);
        }
        follow(board.find(eq("_id", ORDER)).first(), now);
    }

    private void follow(Document order, long now) {
        String requestId = order == null ? null : order.getString("requestId");
        boolean stop = order != null && "STOP".equals(order.getString("action"))
                && order.get("until") instanceof Number until && until.longValue() > now;
        if (stop && !ownRequests.contains(requestId) && !requestId.equals(stoppedFor)) {
            if (stoppedFor == null) {
                String name = order.getString("processor");
                log.info("Switch {} asked for by {}: stopping the processor {} here", requestId, order.getString("by"), name);
                stoppedFor = requestId;
                stoppedProcessor = name;
                processors.apply(name).shutDown(); // returns once its worker has ended and released its claims
            }
            stoppedFor = requestId;
            acknowledge(requestId, STOPPED);
        } else if (!stop && stoppedFor != null) {
            String finished = stoppedFor;
            log.info("Switch {} {}: starting the processor {} here again", finished,
                    order != null && "START".equals(order.getString("action")) ? "done" : "lease ran out", stoppedProcessor);
            processors.apply(stoppedProcessor).start();
            stoppedFor = null;
            acknowledge(finished, STARTED);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodesDidNotStop("interrupted while waiting for the query nodes");
        }
    }

    @Override
    public synchronized void start() {
        if (!coordinated) {
            return;
        }
        timer = PeriodicTask.start("read-model-nodes", Duration.ZERO, TICK, this::tick, log,
                "Query node board not reachable");
    }

    /** Stops the heartbeat and leaves the board (the others need not wait for this node until its beat runs out). */
    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.stop();
        timer = null;
        try {
            board.deleteOne(eq("_id", "node:" + nodeId));
        } catch (RuntimeException e) {
            log.debug("Could not leave the query node board", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Stops before Axon's processors (phase 0 and below) stop, starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
