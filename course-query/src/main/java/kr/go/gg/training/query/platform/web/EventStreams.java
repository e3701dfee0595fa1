package kr.go.gg.training.query.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The open server-sent-event streams of subscription queries. Updates are sent on a separate scheduler so a
 * slow client never holds up an event processor, and the subscription closes when the client goes away. A
 * comment line every {@code course.query.stream-keep-alive} (15 s) finds clients that went away without a word (a
 * write fails, and the request is ended: {@link #abandoner}), and on shutdown every
 * stream is completed before the web server's graceful shutdown waits for open requests. At most
 * {@code course.query.max-streams} (1000) are open per node; more are refused with 503 and {@code Retry-After}.
 */
@Component
public class EventStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    /** The open streams, each with what ends it when a write to it failed (its place, its query, its request). */
    private final Map<SseEmitter, Runnable> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int max;
    private final Duration keepAlive;
    private ScheduledExecutorService heartbeat;

    public EventStreams(@Value("${course.query.max-streams:1000}") int max,
                        @Value("${course.query.stream-keep-alive:15s}") Duration keepAlive) {
        this.max = max;
        this.keepAlive = keepAlive;
    }

    /** 503 (Retry-After) at once when {@code course.query.max-streams} are open, before a stream costs a query. */
    public void refuseWhenFull() {
        if (count.get() >= max) {
            throw full();
        }
    }

    private ResponseStatusException full() {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many open event streams (" + max + "); retry shortly");
    }

    /**
     * Sends {@code first} and then every update as an event named {@code name}; {@code close} ends the subscription
     * query (once). {@code first} is sent before the emitter is handed to Spring MVC, so the container thread writes
     * it and commits the answer: before, the first write could come from the updates' thread while the container
     * thread was still setting headers (its filters unwinding), and the two corrupted Tomcat's header table (issue
     * 14: NullPointerException, ArrayIndexOutOfBoundsException, a stream without its first event). After the commit
     * header changes are no-ops, and the emitter serializes its writes.
     */
    public SseEmitter open(Object first, Flux<?> updates, String name, Runnable close) {
        Runnable closeOnce = once(close);
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            closeOnce.run();
            throw full();
        }
        SseEmitter emitter = new SseEmitter(0L); // no timeout: dashboards stay connected
        AtomicBoolean ended = new AtomicBoolean();
        Runnable abandon = abandoner();
        sendFirst(emitter, first, name, closeOnce);
        Disposable subscription = updates
                .publishOn(Schedulers.boundedElastic())
                .subscribe(item -> {
                    if (ended.get()) {
                        return; // the request ended (client gone, error): its response is no longer ours
                    }
                    try {
                        emitter.send(SseEmitter.event().name(name).data(item, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException gone) {
                        gone(emitter);
                    }
                }, emitter::completeWithError, emitter::complete);
        Runnable end = () -> {
            if (ended.compareAndSet(false, true)) {
                open.remove(emitter);
                count.decrementAndGet();
                subscription.dispose();
                closeOnce.run();
            }
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        // after a failed write Spring ignores completions and waits for the container's error callback, which did
        // not always come (GoneStreamClientsHttpTest): the stream then kept its place and its query for good
        open.put(emitter, () -> {
            end.run();
            abandon.run();
        });
        return emitter;
    }

    /** A write to {@code emitter} failed: its client went away. Ends it (once). */
    private void gone(SseEmitter emitter) {
        Runnable ending = open.remove(emitter);
        if (ending != null) {
            ending.run();
        }
    }

    /**
     * Ends the current request's asynchronous processing once a write to its stream has failed (the client went
     * away). Spring ignores {@code complete()} after a failed send and waits for the container to report the error,
     * which Tomcat does not do for a write from another thread: the request stayed in progress for good, its place
     * among {@code course.query.max-streams} taken, and a graceful shutdown waited its whole timeout for it
     * ({@code GoneStreamClientsHttpTest}). The place and the query are freed by the stream's own end; this
     * completes the servlet's async context where Tomcat still has it started. Nothing to do outside a servlet request.
     */
    private static Runnable abandoner() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return () -> { };
        }
        HttpServletRequest request = attributes.getRequest();
        return () -> {
            try {
                if (request.isAsyncStarted()) {
                    request.getAsyncContext().complete();
                }
            } catch (IllegalStateException alreadyEnded) { // completed meanwhile, or the request recycled
                log.debug("Stream request already ended", alreadyEnded);
            }
        };
    }

    /** A stream whose first event cannot be sent never opened: its place and its subscription are freed. */
    private void sendFirst(SseEmitter emitter, Object first, String name, Runnable closeOnce) {
        try {
            emitter.send(first == null ? SseEmitter.event().comment("open")
                    : SseEmitter.event().name(name).data(first, MediaType.APPLICATION_JSON));
        } catch (IOException | RuntimeException notSent) { // an early send is only buffered: not expected
            count.decrementAndGet();
            closeOnce.run();
            throw notSent instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(notSent);
        }
    }

    /**
     * Runs {@code close} at most once, and takes a failure of it as "already ended": Axon's subscription query
     * throws when its updates were completed before (a projection's reset completes them), and thrown inside
     * the subscriber that was logged by Reactor as a dropped ERROR with its stack trace.
     */
    public static Runnable once(Runnable close) {
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    close.run();
                } catch (RuntimeException alreadyEnded) {
                    log.debug("Subscription query already ended", alreadyEnded);
                }
            }
        };
    }

    @Override
    public synchronized void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::ping, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        for (SseEmitter emitter : open.keySet()) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException failed) {
                gone(emitter);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        open.keySet().forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeat != null;
    }

    /** Stops before everything else, in particular before the web server waits for open requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
