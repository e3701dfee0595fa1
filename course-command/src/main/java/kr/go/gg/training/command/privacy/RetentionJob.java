package kr.go.gg.training.command.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.EraseTrainee;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.support.keys.SubjectKey;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Erases every trainee whose course was completed more than {@code course.privacy.retention} ago (ISO-8601 period,
 * default {@code P5Y}), {@code by} {@value EraseTrainee#BY_RETENTION}, every {@code course.privacy.retention-check}
 * (default 1 h, first run a minute after start). What is due is read from the key store (its retention start is set
 * when the course completes), so the job keeps no state of its own and survives restarts. Every node runs it: two
 * nodes sending the same erasure meet in the course's aggregate, which appends it once and answers the other
 * without appending.
 */
@Component
public class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 200;

    private final CommandGateway commands;
    private final SubjectKeyStore keys;
    private final Period retention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RetentionJob(CommandGateway commands, SubjectKeyLookup keys,
                        @Value("${course.privacy.retention:P5Y}") Period retention,
                        @Value("${course.privacy.retention-check:1h}") Duration interval) {
        this.commands = commands;
        this.keys = keys.store();
        this.retention = retention;
        this.interval = interval;
    }

    /** One round: erases what is due now; answers how many trainees it erased. */
    public int eraseExpired() {
        Instant cutoff = Instant.now().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        int erased = 0;
        List<SubjectKey> due = keys.retentionBegunBefore(cutoff, BATCH);
        for (SubjectKey key : due) {
            try {
                commands.sendAndWait(new EraseTrainee(new CourseId(key.scope()), new TraineeId(key.subject()),
                        "retention period " + retention + " after the course's completion ended", EraseTrainee.BY_RETENTION));
                erased++;
            } catch (CommandExecutionException e) {
                if (!notFound(e)) {
                    log.warn("Retention erasure of trainee {} failed, next round tries again: {}", key.subject(), e.getMessage());
                    continue;
                }
                // a key whose enrolment was never appended (its command failed after the key was made): holds nothing
                keys.destroy(key.subject(), key.scope(), Instant.now());
            } catch (RuntimeException e) {
                log.warn("Retention erasure of trainee {} failed, next round tries again: {}", key.subject(), e.toString());
            }
        }
        if (erased > 0) {
            log.info("Retention: erased the personal data of {} trainees ({} after completion)", erased, retention);
        }
        return due.size() == BATCH && erased > 0 ? erased + eraseExpired() : erased;
    }

    private static boolean notFound(CommandExecutionException e) {
        return Refusal.of(e).filter(refusal -> refusal.kind() == Refusal.Kind.NOT_FOUND).isPresent();
    }

    private void round() {
        try {
            eraseExpired();
        } catch (RuntimeException e) {
            log.warn("Retention round failed, next round tries again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "personal-data-retention");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(interval.toMillis(), Duration.ofMinutes(1).toMillis());
        scheduler.scheduleWithFixedDelay(this::round, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
