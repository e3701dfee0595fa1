package kr.go.gg.training.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.time.LocalDate;
import kr.go.gg.training.api.course.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Projections against the MongoDB wire server through the real driver, events delivered the way a tracking
 * processor delivers them: through Axon's annotated-handler adapter, in a batching unit of work whose
 * prepare-commit sends the bulk writes.
 */
public abstract class MongoProjectionTest {

    private static MongoServer server;
    private static MongoClient client;
    private static int databases;

    protected MongoDatabase database;
    /** Every event "appended" so far, in order: the stream a replay reads again. */
    protected final List<EventMessage<?>> stream = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("test" + (++databases));
    }

    /** The next event of that aggregate (sequence numbers from 0), recorded in {@link #stream}. */
    protected EventMessage<?> event(String aggregateId, Object payload) {
        return event(aggregateId, payload, Instant.now());
    }

    protected EventMessage<?> event(String aggregateId, Object payload, Instant at) {
        return event("Aggregate", aggregateId, payload, at, Map.of());
    }

    /** The next event of that aggregate, of that aggregate type, with that metadata (user, correlationId...). */
    protected EventMessage<?> event(String aggregateType, String aggregateId, Object payload, Instant at,
                                    Map<String, ?> metaData) {
        long seq = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        EventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload, metaData,
                UUID.randomUUID().toString(), at);
        stream.add(message);
        return message;
    }

    protected static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    /** Delivers events to the projection as one processor batch. */
    protected static void deliver(Object projection, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(new ArrayList<>(events));
        var result = uow.executeWithResult(() -> adapter.handle(uow.getMessage()), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError("batch failed", result.exceptionResult());
        }
    }

    protected static void deliver(Object projection, EventMessage<?>... events) {
        deliver(projection, Arrays.asList(events));
    }

    /** What a replay does: the reset handler, then the whole stream again, in batches of {@code batchSize}. */
    protected void replay(Object projection, int batchSize) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
        for (String name : database.listCollectionNames()) {
            if (database.getCollection(name).countDocuments() != 0) {
                throw new AssertionError("the reset handler left documents in " + name);
            }
        }
        for (int i = 0; i < stream.size(); i += batchSize) {
            deliver(projection, stream.subList(i, Math.min(stream.size(), i + batchSize)));
        }
    }

    /** Every document of the named collections, by collection and id. */
    protected Map<String, List<Document>> documents(String... collections) {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : collections) {
            all.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        return all;
    }
}
