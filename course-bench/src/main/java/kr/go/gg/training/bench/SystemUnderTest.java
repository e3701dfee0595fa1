package kr.go.gg.training.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import kr.go.gg.training.bench.baseline.EventTable;

/**
 * The whole system in this process on the embedded default: events in Axon's JDBC store on an H2 file,
 * read models and tokens in the in-process MongoDB wire server on its H2 backend, HTTP on a random port,
 * the {@code standalone} profile's local users. One instance = one start; {@link #close()} stops it cleanly.
 * <p>
 * Or, with an {@link AxonServerTarget}, in the production shape: profile {@code axonserver} (events, commands and
 * queries through that Axon Server; no DataSource in the process), the read models in the MongoDB at the target's
 * URI (the bench's own wire server, {@link BenchMongo}), and a user {@code staff} with the target's password.
 */
public final class SystemUnderTest implements AutoCloseable {

    /** How long the bench waits for the system (processors at the head, a read model showing a write). */
    public static final Duration WAIT = Duration.ofMinutes(10);

    /**
     * Where the production shape runs: {@code servers} (HOST:PORT of Axon Server's gRPC port), this process's
     * {@code clientId} there, the read models' {@code mongoUri}, and the password of user {@code staff} (the
     * {@code axonserver} profile refuses the documented local passwords).
     */
    public record AxonServerTarget(String servers, String clientId, String mongoUri, String staffPassword) {
    }

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final AxonServerTarget axonServer;

    private SystemUnderTest(ConfigurableApplicationContext context, Path dataDir, AxonServerTarget axonServer) {
        this.context = context;
        this.dataDir = dataDir;
        this.axonServer = axonServer;
    }

    public static SystemUnderTest start(Path dataDir, java.util.Set<String> fixes) {
        return start(dataDir, fixes, null);
    }

    /** @param axonServer null: the embedded default */
    public static SystemUnderTest start(Path dataDir, java.util.Set<String> fixes, AxonServerTarget axonServer) {
        // read by Axon as a system property (or environment variable), not from Spring's environment
        System.setProperty("axoniq.update-checker.disabled", "true");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(SystemArguments.of(dataDir, fixes, axonServer));
        return new SystemUnderTest(context, dataDir, axonServer);
    }

    /** True in the production shape (profile {@code axonserver}). */
    public boolean onAxonServer() {
        return axonServer != null;
    }

    /** The connector's connections to Axon Server (only under {@code axonserver}). */
    public org.axonframework.axonserver.connector.AxonServerConnectionManager axonServerConnections() {
        return context.getBean(org.axonframework.axonserver.connector.AxonServerConnectionManager.class);
    }

    /** Count and total of {@code course.command.group.size} (commands per group commit), zeros if absent. */
    public double[] groupCommits() {
        io.micrometer.core.instrument.DistributionSummary summary = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("course.command.group.size").summary();
        return summary == null ? new double[2] : new double[] {summary.count(), summary.totalAmount()};
    }

    public Path dataDir() {
        return dataDir;
    }

    public CommandGateway commandGateway() {
        return context.getBean(CommandGateway.class);
    }

    public QueryGateway queryGateway() {
        return context.getBean(QueryGateway.class);
    }

    /** Axon's event serializer, as the processors deserialise with it. */
    public org.axonframework.serialization.Serializer eventSerializer() {
        return context.getBean(org.axonframework.config.Configuration.class).eventSerializer();
    }

    /** The event store's database (the embedded default only: under Axon Server the process has none). */
    public DataSource dataSource() {
        if (axonServer != null) {
            throw new IllegalStateException("no event-store database under Axon Server");
        }
        return context.getBean(DataSource.class);
    }

    public MongoDatabase mongoDatabase() {
        String name = context.getEnvironment().getProperty("spring.data.mongodb.database", BenchMongo.DATABASE);
        return context.getBean(MongoClient.class).getDatabase(name);
    }

    /** A bean of the system (the query side's admin parts, for the replay). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Every streaming (tracking or pooled) processor of the process, by processing group name. */
    public Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        Map<String, EventProcessor> all = context.getBean(EventProcessingConfiguration.class).eventProcessors();
        all.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    /** The global index of the newest event in the store, or -1 when the store is empty. */
    public long headIndex() {
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        if (head == null) {
            return -1;
        }
        OptionalLong position = head.position();
        return position.orElse(-1);
    }

    /** Events in the store: rows of {@code events}, or under Axon Server the context's head index + 1. */
    public long storedEvents(EventTable events) {
        return onAxonServer() ? headIndex() + 1 : events.count();
    }

    /** True when every segment of every streaming processor has handled the event at {@code index}. */
    public boolean allProcessorsAt(long index) {
        for (StreamingEventProcessor processor : streamingProcessors().values()) {
            if (!processorAt(processor, index)) {
                return false;
            }
        }
        return true;
    }

    /** True when every segment of {@code processor} has handled the event at {@code index}. */
    public boolean processorAt(StreamingEventProcessor processor, long index) {
        if (!processor.isRunning()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("processor " + processor.getName() + " is in error: "
                        + segment.getError());
            }
            if (segment.getCurrentPosition().orElse(-1) < index) {
                return false;
            }
        }
        return true;
    }

    /** How many events {@code processor}'s slowest segment is behind {@code index} (0 at or past it). */
    public long behind(StreamingEventProcessor processor, long index) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> Math.max(0, index - s.getCurrentPosition().orElse(-1))).max().orElse(index + 1);
    }

    /** Which processors lag behind {@code index}, for a diagnostic when a wait times out. */
    public List<String> describePositions() {
        List<String> lines = new ArrayList<>();
        streamingProcessors().forEach((name, processor) -> lines.add(name + " running=" + processor.isRunning()
                + " " + processor.processingStatus().values().stream()
                .map(s -> s.getCurrentPosition().orElse(-1) + (s.isReplaying() ? "(replay)" : "")).toList()));
        return lines;
    }

    /**
     * Polls {@code condition} every {@code pollMicros} until true; returns the nanoTime when it was seen true.
     * Fails after {@code timeout}.
     */
    public static long awaitNanos(BooleanSupplier condition, Duration timeout, long pollMicros, Runnable onTimeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                onTimeout.run();
                throw new IllegalStateException("timed out after " + timeout);
            }
            try {
                Thread.sleep(pollMicros / 1000, (int) (pollMicros % 1000) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public long awaitProcessorsAt(long index, Duration timeout) {
        return awaitNanos(() -> allProcessorsAt(index), timeout, 500,
                () -> System.err.println("bench: processors behind " + index + ": " + describePositions()));
    }

    /**
     * Rebuilds every read model: (after {@link #stopAllProcessors()}) resets its tokens to the start of the
     * stream (its {@code @ResetHandler}s clear the read model) and starts it again.
     *
     * @return the names of the processors that were reset
     */
    public List<String> resetAllProcessors() {
        List<String> names = new ArrayList<>();
        Map<String, StreamingEventProcessor> processors = streamingProcessors();
        processors.forEach((name, processor) -> {
            if (processor.supportsReset()) {
                processor.resetTokens();
                names.add(name);
            }
        });
        processors.values().forEach(StreamingEventProcessor::start);
        return names;
    }

    /** Stops every streaming processor (in parallel), as a reset requires. */
    public void stopAllProcessors() {
        CompletableFuture.allOf(streamingProcessors().values().stream()
                .map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        context.close();
    }
}
