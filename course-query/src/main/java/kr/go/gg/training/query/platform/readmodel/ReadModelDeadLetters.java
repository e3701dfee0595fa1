package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.client.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    public ReadModelDeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Registers the queue, the enqueue policy (counting attempts) and the invoker's cache for {@code processor}. */
    static void register(EventProcessingConfigurer configurer, String processor, MongoClient client, String database) {
        configurer.registerDeadLetterQueue(processor, c -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(processor)
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build()
                                .withDeadLetterCollection(COLLECTION))
                        .serializer(c.eventSerializer())
                        .transactionManager(NoTransactionManager.instance())
                        .build())
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

    /** Drops the letters of {@code processor}: its generation they belonged to was replaced by a rebuild. */
    public void clear(String processor) {
        queue(processor).clear();
    }
}
