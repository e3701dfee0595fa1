package kr.go.gg.training.query.platform.operations;

import java.util.Collection;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Processor lag: gauge {@value #METER} per tracking processor (tag {@code processor}: the processor's name, {@code read-models} for every read model): the
 * head of the event stream (its highest global index) minus the lowest position of the processor's segments; NaN
 * while the processor runs no segment (stopped, or not yet started). Registers every tracking processor of the
 * process (in standalone too: the command side has no tracking processor).
 */
public class ProcessorLagMetrics implements ApplicationListener<ApplicationStartedEvent> {

    public static final String METER = "course.projection.lag";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, MeterRegistry registry) {
        this.processing = processing;
        this.registry = registry;
    }

    /** Once Axon's configuration is built and its processors exist (registering twice is harmless). */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                Gauge.builder(METER, tracking, ProcessorLagMetrics::lag)
                        .description("Events of the store the processor has not handled yet (head global index - its position)")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    static double lag(TrackingEventProcessor processor) {
        try {
            TrackingToken head = processor.getMessageSource().createHeadToken();
            return lag(head == null ? OptionalLong.of(-1) : head.position(), processor.processingStatus().values());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Head position minus the lowest segment position; an empty store or a token at its start count from -1. */
    static double lag(OptionalLong head, Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty() || head.isEmpty()) {
            return Double.NaN;
        }
        long position = segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1L)).min().orElse(-1L);
        return Math.max(0, head.getAsLong() - position);
    }
}
