package kr.go.gg.training.query.platform.nodes;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread running one task at a fixed delay: the timer of the query nodes' board, of the read-model
 * watchdog and of the replay progress log, each started and stopped by its owner's lifecycle. A run that throws is
 * logged at DEBUG and the next run goes on (a plain scheduled executor would stop at the first exception).
 */
public final class PeriodicTask {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer;

    private PeriodicTask(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Runs {@code work} every {@code period} after {@code initialDelay}, on a daemon thread named {@code thread}. */
    public static PeriodicTask start(String thread, Duration initialDelay, Duration period, Runnable work,
                                     Logger log, String failure) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread daemon = new Thread(r, thread);
            daemon.setDaemon(true);
            return daemon;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.debug(failure, e);
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(timer);
    }

    /**
     * Stops the timer, interrupting a run in progress, and waits (briefly) for that run to end: a run may start or stop
     * processors, and none may do so once its owner's lifecycle has stopped.
     */
    public void stop() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LoggerFactory.getLogger(PeriodicTask.class).debug("A run of a periodic task outlived its stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
