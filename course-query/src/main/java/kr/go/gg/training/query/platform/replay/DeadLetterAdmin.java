package kr.go.gg.training.query.platform.replay;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of the read models for the admin paths: listed as parked sequences, retried in the background (a
 * retry runs each parked sequence's events through its projection's handlers again; one retry at a time per node).
 */
public class DeadLetterAdmin implements AutoCloseable {

    /** docs/api.md: {@code {"processor","sequence","eventType","cause","since","attempts"}}. */
    public record DeadLetter(String processor, String sequence, String eventType, String cause, String since,
                             int attempts) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final ReadModelDeadLetters letters;
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dead-letter-retry");
        thread.setDaemon(true);
        return thread;
    });

    public DeadLetterAdmin(ReadModelDeadLetters letters) {
        this.letters = letters;
    }

    public List<DeadLetter> list() {
        return letters.letters().stream().map(l -> new DeadLetter(l.processor(), l.sequence(), l.eventType(),
                l.cause(), l.since().toString(), l.attempts())).toList();
    }

    /** Starts a retry of every parked sequence (answered at once; the letters go as their sequences succeed). */
    public void retryAll() {
        retries.execute(() -> {
            try {
                log.info("Dead letters retried: {} sequences handled to their end", letters.retryAll());
            } catch (RuntimeException e) {
                log.warn("Retry of the dead letters failed", e);
            }
        });
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
