package kr.go.gg.training.query.platform.nodes;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Brings the read-model processors back as soon as Axon Server is: while the server is away the processor's event
 * stream fails and Axon retries after a back-off that doubles up to 60 s, so after a restart of the server the read
 * models followed again only 10-20 s later. Every {@link #PERIOD_MILLIS} this checks: the processor (or a segment) is
 * failing, and the connection to Axon Server is up again; then it restarts the processor (shut down, start: the
 * retry at once), logged once at INFO per outage. It leaves alone a processor stopped on purpose (a replay, a
 * shutdown) and a failure that has nothing to do with Axon Server unless the connection was seen down meanwhile
 * (another cause keeps Axon's own back-off).
 */
class ReadModelWatchdog implements SmartLifecycle {

    static final long PERIOD_MILLIS = 500;
    /** At most one restart this often, however the processor keeps failing. */
    static final long MIN_RESTART_GAP_MILLIS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(ReadModelWatchdog.class);

    private final Supplier<List<TrackingEventProcessor>> processors;
    private final BooleanSupplier connected;
    private final ReadModelNodes nodes;
    private boolean sawDisconnected;
    private boolean logged;
    private long lastRestart;
    private PeriodicTask timer;

    ReadModelWatchdog(Supplier<List<TrackingEventProcessor>> processors, BooleanSupplier connected, ReadModelNodes nodes) {
        this.processors = processors;
        this.connected = connected;
        this.nodes = nodes;
    }

    /** One check (the timer's; package-private for the test). */
    synchronized void check() {
        if (nodes.replaying()) {
            return; // a switch holds a processor stopped on purpose
        }
        if (!connected.getAsBoolean()) {
            sawDisconnected = true;
            return;
        }
        List<TrackingEventProcessor> failing = new ArrayList<>();
        if (!collectFailing(failing)) {
            sawDisconnected = false;
            logged = false;
            return;
        }
        long now = System.currentTimeMillis();
        if (failing.isEmpty() || now - lastRestart < MIN_RESTART_GAP_MILLIS) {
            return;
        }
        if (!logged) {
            log.info("Axon Server is reachable again: restarting the read-model processors {} now instead of after "
                    + "their error back-off", failing.stream().map(TrackingEventProcessor::getName).toList());
            logged = true;
        }
        lastRestart = now;
        sawDisconnected = false;
        failing.forEach(p -> {
            p.shutDown();
            p.start();
        });
    }

    /** Adds the failing processors a restart would help to {@code restart}; whether any processor is failing. */
    private boolean collectFailing(List<TrackingEventProcessor> restart) {
        boolean anyFailing = false;
        for (TrackingEventProcessor p : processors.get()) {
            if (!p.isRunning() && !p.isError()) {
                continue; // stopped on purpose
            }
            Throwable failure = failure(p);
            if (p.isError() || failure != null) {
                anyFailing = true;
                if (sawDisconnected || axonServerRelated(failure)) {
                    restart.add(p);
                }
            }
        }
        return anyFailing;
    }

    private static Throwable failure(TrackingEventProcessor p) {
        for (EventTrackerStatus segment : p.processingStatus().values()) {
            if (segment.isErrorState()) {
                return segment.getError() != null ? segment.getError() : new IllegalStateException("segment in error");
            }
        }
        return null;
    }

    /** An exception of the Axon Server connector or of gRPC anywhere in the chain. */
    static boolean axonServerRelated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("io.grpc.") || type.startsWith("org.axonframework.axonserver.")
                    || type.startsWith("io.axoniq.")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void start() {
        Duration period = Duration.ofMillis(PERIOD_MILLIS);
        timer = PeriodicTask.start("read-model-watchdog", period, period, this::check, log,
                "Read-model watchdog check failed");
    }

    /** Not under the lock while the timer stops: a check waiting for the lock would hold the stop up. */
    @Override
    public void stop() {
        PeriodicTask stopping;
        synchronized (this) {
            stopping = timer;
            timer = null;
        }
        if (stopping != null) {
            stopping.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Stops before Axon's processors stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
