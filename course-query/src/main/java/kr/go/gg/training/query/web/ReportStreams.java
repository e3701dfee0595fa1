package kr.go.gg.training.query.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams. A comment line every 15 s finds clients that went away without a
 * word (a write fails), and on shutdown every stream is completed before the web server's graceful
 * shutdown starts waiting for open requests (a stream never ends by itself).
 */
@Component
class ReportStreams implements SmartLifecycle {

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;

    void add(SseEmitter emitter) {
        open.add(emitter);
        Runnable remove = () -> open.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
    }

    @Override
    public synchronized void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::ping, 15, 15, TimeUnit.SECONDS);
    }

    private void ping() {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                open.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        open.forEach(SseEmitter::complete);
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
