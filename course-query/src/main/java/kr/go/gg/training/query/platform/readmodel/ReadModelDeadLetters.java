package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Dead letters of the read-model processors: axon-mongo's sequenced dead-letter queue, one per processor, in
 * {@value #COLLECTION} beside the read models (so every query node sees the same letters, and they survive a
 * restart). An event whose handler throws parks its sequence (the aggregate: a course, an agreement; the processors'
 * sequencing policy), so that course's later events wait behind it while every other course goes on. A letter records
 * its cause, when it was parked, and how often it was tried ({@code attempts} in its diagnostics).
 * <p>
 * A rebuild parks failing events the same way, in a queue of its own ({@link #rebuildQueue}) that the processor
 * adopts when the rebuilt generation goes live ({@link #adopt}): the replaced generation's letters go with it.
 * <p>
 * A handler that throws after it changed a document in memory leaves that change in its batch: handlers check what
 * may fail before they change anything (the projections do).
 */
public final class ReadModelDeadLetters {

    public static final String COLLECTION = "deadletters";
    static final String ATTEMPTS = "attempts";

    /** One parked sequence, as listed: its first letter (the event that failed) and how many wait behind it. */
    public record Letter(String processor, String sequence, String eventType, String cause, Instant since,
                         int attempts) {
    }

    private final EventProcessingConfiguration processing;
    private final MongoClient client;
    private final String database;
    private final Supplier<Serializer> serializer;

    public ReadModelDeadLetters(EventProcessingConfiguration processing, MongoClient client, String database,
                                Supplier<Serializer> serializer) {
        this.processing = processing;
        this.client = client;
        this.database = database;
        this.serializer = serializer;
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, MongoClient client, String database,
                                                                   Serializer serializer) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build()
                        .withDeadLetterCollection(COLLECTION))
                .serializer(serializer)
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    /** Registers the queue, the enqueue policy (counting attempts) and the invoker's cache for {@code processor}. */
    static void register(EventProcessingConfigurer configurer, String processor, MongoClient client, String database) {
        configurer.registerDeadLetterQueue(processor, c -> queue(processor, client, database, c.eventSerializer()))
                .registerDeadLetterPolicy(processor, c -> countingAttempts())
                // which sequences are not parked is remembered per segment claim: no query per event
                .registerDeadLetteringEventHandlerInvokerConfiguration(processor,
                        (c, builder) -> builder.enableSequenceIdentifierCache());
    }

    private static EnqueuePolicy<EventMessage<?>> countingAttempts() {
        return (letter, cause) -> Decisions.enqueue(cause,
                l -> l.diagnostics().and(ATTEMPTS, attempts(l) + 1));
    }

    private static int attempts(DeadLetter<?> letter) {
        return letter.diagnostics().get(ATTEMPTS) instanceof Number n ? n.intValue() : 0;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor)
                .orElseThrow(() -> new IllegalStateException("No dead-letter queue for " + processor));
    }

    /** Every parked sequence of every read-model processor, oldest first per processor. */
    public List<Letter> letters() {
        List<Letter> letters = new ArrayList<>();
        for (String processor : ProcessingGroups.ALL) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
                Iterator<DeadLetter<? extends EventMessage<?>>> first = sequence.iterator();
                if (first.hasNext()) {
                    letters.add(letter(processor, first.next()));
                }
            }
        }
        return letters;
    }

    private static Letter letter(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String sequence = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : event.getIdentifier();
        String cause = letter.cause().map(c -> c.message() == null ? c.type() : c.message()).orElse(null);
        return new Letter(processor, sequence, event.getPayloadType().getSimpleName(), cause, letter.enqueuedAt(),
                attempts(letter));
    }

    /** Letters waiting, per processor. */
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new TreeMap<>();
        ProcessingGroups.ALL.forEach(processor -> waiting.put(processor, queue(processor).size()));
        return waiting;
    }

    /**
     * Tries every parked sequence once, oldest touched first (a sequence that fails again is touched, so the next try
     * takes another). Returns how many sequences were handled to their end.
     */
    public int retryAll() {
        int done = 0;
        for (String processor : ProcessingGroups.ALL) {
            var retry = processing.sequencedDeadLetterProcessor(processor).orElseThrow();
            long sequences = queue(processor).amountOfSequences();
            for (long i = 0; i < sequences; i++) {
                if (retry.processAny()) {
                    done++;
                }
            }
        }
        return done;
    }

    /** The queue of a rebuild of {@code processor} into {@code generation}: empty when the rebuild starts. */
    public SequencedDeadLetterQueue<EventMessage<?>> rebuildQueue(String processor, int generation) {
        return queue(rebuildGroup(processor, generation), client, database, serializer.get());
    }

    /** Forgets the letters of a rebuild that is started over or given up. */
    public void discardRebuild(String processor, int generation) {
        client.getDatabase(database).getCollection(COLLECTION)
                .deleteMany(Filters.eq("processingGroup", rebuildGroup(processor, generation)));
    }

    private static String rebuildGroup(String processor, int generation) {
        return processor + "#g" + generation;
    }

    /** A rebuild parks an event as the live processor would: {@code attempts} 1. */
    public static DeadLetter<EventMessage<?>> firstFailure(Object sequence, EventMessage<?> event, Throwable cause) {
        return new GenericDeadLetter<EventMessage<?>>(sequence, event, cause)
                .withDiagnostics(MetaData.with(ATTEMPTS, 1));
    }

    /**
     * {@code generation} of {@code processor} went live: the letters of the generation it replaced go, the rebuild's
     * own letters become the processor's.
     */
    public void adopt(String processor, int generation) {
        var letters = client.getDatabase(database).getCollection(COLLECTION);
        letters.deleteMany(Filters.eq("processingGroup", processor));
        letters.updateMany(
                Filters.eq("processingGroup", rebuildGroup(processor, generation)),
                Updates.set("processingGroup", processor));
    }
}
