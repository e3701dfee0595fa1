package kr.go.gg.training.query.platform.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelTokenConfiguration;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import kr.go.gg.training.query.platform.replay.ProjectionReplayConfiguration;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two query nodes in one JVM, as under axonserver: one event stream, one token store in a shared MongoDB, each node
 * its own rosters processor, token store client (its own owner name), board ({@link ReadModelNodes}) and
 * {@link ProjectionAdmin}. Node A holds the claim, node B is the hot standby; a replay is asked on B, which rebuilds
 * and then switches with both nodes' processors stopped. The take-over
 * tests use the axonserver profile's timings (claim timeout 5 s, claim interval 1 s, event availability 1 s).
 */
class SeveralQueryNodesTest {

    private static final String PROCESSOR = ProcessingGroups.ROSTERS;

    /** The rosters' projection of one node: what it handled, and its resets. */
    @ProcessingGroup(ProcessingGroups.ROSTERS)
    static class Rosters {
        final ConcurrentLinkedQueue<String> handled;
        final AtomicInteger resets;

        Rosters(ConcurrentLinkedQueue<String> handled, AtomicInteger resets) {
            this.handled = handled;
            this.resets = resets;
        }

        /** What a rebuild handled is marked "rebuild:" (its thread), what a live processor handled is not. */
        @EventHandler
        void on(String event) {
            handled.add(Thread.currentThread().getName().startsWith("rebuild-") ? "rebuild:" + event : event);
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
        }
    }

    /** One query node. */
    private final class Node {
        final String name;
        final Configuration axon;
        final StoredTokens tokens;
        final ReadModelNodes board;
        final ProjectionAdmin admin;
        final ReadModelGenerations generations;

        Node(String name, long claimIntervalMillis) {
            this(name, claimIntervalMillis, 1);
        }

        /** {@code segments}: the processor's segments, one thread each (course.query.segments). */
        Node(String name, long claimIntervalMillis, int segments) {
            this.name = name;
            MongoTokenStore tokenStore = MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "course")
                            .trackingTokensCollectionName(ReadModelTokenConfiguration.TRACKING_TOKENS).build())
                    .serializer(JacksonSerializer.defaultSerializer())
                    .nodeId(name)
                    .claimTimeout(Duration.ofSeconds(5))
                    .build();
            axon = DefaultConfigurer.defaultConfiguration(false)
                    .configureEmbeddedEventStore(c -> events)
                    .eventProcessing(processing -> processing
                            .registerTrackingEventProcessor(PROCESSOR)
                            .registerTrackingEventProcessorConfiguration(PROCESSOR, c -> TrackingEventProcessorConfiguration
                                    .forParallelProcessing(segments).andInitialSegmentsCount(segments).andBatchSize(100)
                                    .andTokenClaimInterval(claimIntervalMillis, TimeUnit.MILLISECONDS)
                                    .andEventAvailabilityTimeout(Math.min(claimIntervalMillis, 1000), TimeUnit.MILLISECONDS))
                            .assignProcessingGroup(ProcessingGroups.ROSTERS, PROCESSOR)
                            .registerTokenStore(PROCESSOR, c -> tokenStore)
                            .registerTransactionManager(PROCESSOR, c -> NoTransactionManager.instance())
                            .registerEventHandler(c -> new Rosters(handled, resets)))
                    .buildConfiguration();
            tokens = new StoredTokens(client.getDatabase("course").getCollection(ReadModelTokenConfiguration.TRACKING_TOKENS),
                    JacksonSerializer.defaultSerializer(), name, Duration.ofSeconds(5));
            board = new ReadModelNodes(board(), name, processor -> processor(), List.of(PROCESSOR), true, Clock.systemUTC());
            generations = new ReadModelGenerations(client.getDatabase("course"));
            ReadModelDeadLetters letters = new ReadModelDeadLetters(axon.eventProcessingConfiguration(), client, "course",
                    JacksonSerializer::defaultSerializer);
            admin = ProjectionReplayConfiguration.admin(axon.eventProcessingConfiguration(), tokens, board, generations,
                    letters, Duration.ofSeconds(2), segments, 100, 1000, (projection, generation) -> { });
        }

        TrackingEventProcessor processor() {
            return axon.eventProcessingConfiguration().eventProcessor(PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        }

        void start() {
            axon.start();
            board.start();
        }

        void stop() {
            board.stop();
            axon.shutdown();
        }
    }

    private MongoServer server;
    private MongoClient client;
    private EventStorageEngine events;
    private final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resets = new AtomicInteger();
    private final List<Node> nodes = new ArrayList<>();

    private MongoCollection<Document> board() {
        return client.getDatabase("course").getCollection(ReadModelNodes.COLLECTION);
    }

    @BeforeEach
    void twoNodes() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        events = new InMemoryEventStorageEngine();
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::stop);
        client.close();
        server.shutdownNow();
    }

    private Node node(String name) {
        return node(name, 200);
    }

    private Node node(String name, long claimIntervalMillis) {
        Node node = new Node(name, claimIntervalMillis);
        nodes.add(node);
        node.start();
        return node;
    }

    private Node node(String name, long claimIntervalMillis, int segments) {
        Node node = new Node(name, claimIntervalMillis, segments);
        nodes.add(node);
        node.start();
        return node;
    }

    private List<String> owners() {
        List<String> owners = new ArrayList<>();
        for (Document token : client.getDatabase("course").getCollection(ReadModelTokenConfiguration.TRACKING_TOKENS)
                .find(new Document("processorName", PROCESSOR)).sort(new Document("segment", 1))) {
            owners.add(token.getString("owner"));
        }
        return owners;
    }

    /** One segment each (a segment being released has no owner). */
    private boolean shared() {
        List<String> owners = owners();
        return owners.size() == 2 && owners.contains("node-a") && owners.contains("node-b");
    }

    private String owner() {
        Document token = client.getDatabase("course").getCollection(ReadModelTokenConfiguration.TRACKING_TOKENS)
                .find(new Document("processorName", PROCESSOR)).first();
        return token == null ? null : token.getString("owner");
    }

    private List<String> live() {
        return handled.stream().filter(e -> !e.startsWith("rebuild:")).toList();
    }

    private List<String> rebuilt() {
        return handled.stream().filter(e -> e.startsWith("rebuild:")).map(e -> e.substring("rebuild:".length())).toList();
    }

    private List<String> appendFive() {
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add("event-" + i);
        }
        events.appendEvents(appended.stream().map(GenericEventMessage::asEventMessage).toList());
        return appended;
    }

    @Test
    void aReplayAskedOnTheStandbyRebuildsThereAndSwitchesWithBothNodesStoppedForAMoment() {
        Node a = node("node-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> "node-a".equals(owner()));
        Node b = node("node-b");
        List<String> appended = appendFive();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
        // the cluster's status, the same on both nodes: the standby answers what the claim holder did
        await().atMost(Duration.ofSeconds(10)).until(() -> b.admin.status(PROCESSOR).position() == 4);
        assertThat(b.admin.status(PROCESSOR)).isEqualTo(a.admin.status(PROCESSOR));

        assertThat(b.admin.replay(ProcessingGroups.ROSTERS)).hasValueSatisfying(status -> {
            assertThat(status.replaying()).isTrue();
            assertThat(status.position()).isZero();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rebuilt()).containsExactlyElementsOf(appended); // rebuilt once, on the node that was asked
            assertThat(a.admin.status(PROCESSOR).replaying()).isFalse();
        });
        // both nodes read the new pointer, and the processors run again on both
        assertThat(a.generations.refresh(PROCESSOR)).isEqualTo(1);
        assertThat(b.generations.refresh(PROCESSOR)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(a.processor().isRunning()).as("node A started again").isTrue();
            assertThat(b.processor().isRunning()).as("node B started again").isTrue();
            assertThat(owner()).isIn("node-a", "node-b");
        });
        assertThat(a.board.replaying()).isFalse();
        assertThat(b.board.replaying()).isFalse();
        // the live processor goes on from where the rebuild stopped: nothing handled twice
        List<String> later = appendFive();
        await().atMost(Duration.ofSeconds(10)).until(() -> live().size() == 10);
        assertThat(live()).containsExactlyElementsOf(java.util.stream.Stream.concat(appended.stream(), later.stream()).toList());
    }

    @Test
    void aNodeThatDoesNotStopInTimePostponesTheSwitchWhileTheLiveGenerationKeepsFollowing() {
        Node a = node("node-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> "node-a".equals(owner()));
        Node b = node("node-b");
        appendFive();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
        // a third node that beats but never follows the board (hung, or an old version)
        board().replaceOne(new Document("_id", "node:node-c"), new Document("_id", "node:node-c").append("kind", "node")
                .append("node", "node-c").append("seen", System.currentTimeMillis() + 60_000), new ReplaceOptions().upsert(true));

        assertThat(b.admin.replay(ProcessingGroups.ROSTERS)).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt().size() == 5);
        List<String> late = appendFive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(live()).containsAll(late));
        assertThat(b.admin.status(PROCESSOR).replaying()).isTrue();
        assertThat(a.generations.refresh(PROCESSOR)).isZero();

        board().deleteOne(new Document("_id", "node:node-c")); // gone: the next attempt switches
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(b.admin.status(PROCESSOR).replaying()).isFalse();
            assertThat(a.processor().isRunning()).isTrue();
            assertThat(b.processor().isRunning()).isTrue();
        });
        assertThat(a.generations.refresh(PROCESSOR)).isEqualTo(1);
        assertThat(rebuilt()).containsAll(late);
    }

    @Test
    void aSwitchWaitsWhileAnotherNodesSwitchHoldsTheBoardAndTheOrderIsNotOverwritten() {
        node("node-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> "node-a".equals(owner()));
        Node b = node("node-b");
        appendFive();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
        // another node's switch holds the board (its lease runs for 4 s more)
        board().replaceOne(new Document("_id", "order"), new Document("_id", "order").append("action", "STOP")
                .append("requestId", "other-switch").append("processor", PROCESSOR).append("by", "node-x")
                .append("until", System.currentTimeMillis() + 4_000), new ReplaceOptions().upsert(true));

        assertThat(b.admin.replay(ProcessingGroups.ROSTERS)).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt().size() == 5);
        Document order = board().find(new Document("_id", "order")).first();
        assertThat(order.getString("requestId")).isEqualTo("other-switch"); // neither replaced nor ended by node-b
        if (order.getLong("until") > System.currentTimeMillis()) {
            assertThat(b.admin.status(PROCESSOR).replaying()).isTrue();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(b.admin.status(PROCESSOR).replaying()).isFalse()); // once the other order ran out
        assertThat(b.generations.refresh(PROCESSOR)).isEqualTo(1);
    }

    @Test
    void aKilledNodesClaimIsTakenOverWithinTenSeconds() {
        // the killed node's row: claimed just now, and never extended or released again
        // (node-a first holds the token row: a node stopped before its first claim leaves no row to take over)
        Node a = node("node-a", 1000);
        await().atMost(Duration.ofSeconds(10)).until(() -> "node-a".equals(owner()));
        a.stop();
        nodes.clear();
        long killed = client.getDatabase("course").getCollection(ReadModelTokenConfiguration.TRACKING_TOKENS).updateOne(
                new Document("processorName", PROCESSOR), new Document("$set", new Document("owner", "node-killed")
                        .append("timestamp", System.currentTimeMillis()))).getMatchedCount();
        assertThat(killed).as("token rows of the killed node").isEqualTo(1);
        long killedAt = System.nanoTime();
        node("node-b", 1000);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> "node-b".equals(owner()));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        assertThat(tookMillis).as("take-over after %d ms", tookMillis).isGreaterThanOrEqualTo(4_500).isLessThan(10_000);
        appendFive();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
    }

    @Test
    void aLiveIdleNodeKeepsItsClaimAlthoughTheOtherNodeTriesEverySecond() throws InterruptedException {
        node("node-a", 1000);
        await().atMost(Duration.ofSeconds(10)).until(() -> "node-a".equals(owner()));
        node("node-b", 1000);

        long until = System.currentTimeMillis() + 8_000; // longer than the 5 s claim timeout, no event meanwhile
        while (System.currentTimeMillis() < until) {
            assertThat(owner()).isEqualTo("node-a");
            Thread.sleep(200);
        }
    }

    @Test
    void withTwoSegmentsAReplayOnTheStandbyMovesBothTokensAndEitherNodeProcessesWhatTheOtherReleases() {
        Node a = node("node-a", 200, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> owners().equals(List.of("node-a", "node-a"))); // a thread each
        Node b = node("node-b", 200, 2);
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            appended.add("event-" + i);
        }
        events.appendEvents(appended.stream().map(GenericEventMessage::asEventMessage).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 20);
        // the status reads both segments' tokens: the lowest position, the same on both nodes
        await().atMost(Duration.ofSeconds(10)).until(() -> b.admin.status(PROCESSOR).position() == 19);
        assertThat(b.admin.status(PROCESSOR)).isEqualTo(a.admin.status(PROCESSOR));
        assertThat(b.tokens.tokens(PROCESSOR)).containsOnlyKeys(0, 1);

        assertThat(b.admin.replay(ProcessingGroups.ROSTERS)).hasValueSatisfying(status -> {
            assertThat(status.replaying()).isTrue();
            assertThat(status.position()).isZero();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(rebuilt()).containsExactlyInAnyOrderElementsOf(appended); // every event once more, by the rebuild
            assertThat(b.admin.status(PROCESSOR).replaying()).isFalse();
        });
        // both segments go on from where the rebuild stopped
        await().atMost(Duration.ofSeconds(10)).until(() -> b.tokens.tokens(PROCESSOR).values().stream()
                .allMatch(token -> token != null && token.position().orElse(-1) == 19));

        // one node stops (gracefully: its claims are released): the other processes both segments
        Node stopping = owners().contains("node-a") ? a : b;
        Node staying = stopping == a ? b : a;
        stopping.stop();
        nodes.remove(stopping);
        await().atMost(Duration.ofSeconds(10)).until(() -> owners().equals(List.of(staying.name, staying.name)));
        events.appendEvents(List.of(GenericEventMessage.asEventMessage("late-1"), GenericEventMessage.asEventMessage("late-2"),
                GenericEventMessage.asEventMessage("late-3")));
        await().atMost(Duration.ofSeconds(10)).until(() -> live().size() == 23);
    }

    @Test
    void withTwoSegmentsTheNodesShareThemOneEachAndTheOtherTakesBothWhenOneStops() {
        Node a = node("node-a", 200, 2);
        a.board.balance(name -> a.tokens.read(name).size());
        await().atMost(Duration.ofSeconds(10)).until(() -> owners().equals(List.of("node-a", "node-a"))); // alone: both
        Node b = node("node-b", 200, 2);
        b.board.balance(name -> b.tokens.read(name).size());

        // node-a holds more than its part once node-b beats on the board: it releases one segment, node-b claims it
        await().atMost(Duration.ofSeconds(15)).until(() -> shared());
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            appended.add("shared-" + i);
        }
        events.appendEvents(appended.stream().map(GenericEventMessage::asEventMessage).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 20);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(a.processor().processingStatus()).hasSize(1);
        assertThat(b.processor().processingStatus()).hasSize(1);
        // and it stays shared: nobody releases a part it is entitled to
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                .until(() -> shared());

        // node-b stops: node-a takes its segment back and processes everything
        b.stop();
        nodes.remove(b);
        await().atMost(Duration.ofSeconds(15)).until(() -> owners().equals(List.of("node-a", "node-a")));
        events.appendEvents(List.of(GenericEventMessage.asEventMessage("after-1"), GenericEventMessage.asEventMessage("after-2")));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 22);
    }
}
