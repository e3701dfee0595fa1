package kr.go.gg.training.query.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelDeadLetters;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Dead letters waiting: gauge {@value #METER} per read-model processor (tag {@code processor}), and a health detail.
 * The health stays UP while letters wait: every query still answers (the parked courses from what they held before
 * the failing event); the detail names how many wait where, and the metric is what to alert on.
 */
public class DeadLetterHealth implements HealthIndicator {

    public static final String METER = "course.projection.dead-letters";

    private final ReadModelDeadLetters letters;

    public DeadLetterHealth(ReadModelDeadLetters letters, MeterRegistry registry) {
        this.letters = letters;
        for (String processor : ProcessingGroups.ALL) {
            Gauge.builder(METER, () -> waiting(processor))
                    .description("Dead letters waiting for a retry (events of parked sequences)")
                    .tag("processor", processor)
                    .baseUnit("events")
                    .register(registry);
        }
    }

    private double waiting(String processor) {
        try {
            return letters.waiting().getOrDefault(processor, 0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public Health health() {
        Map<String, Long> waiting = new TreeMap<>(letters.waiting());
        waiting.values().removeIf(n -> n == 0);
        Health.Builder health = Health.up();
        if (!waiting.isEmpty()) {
            health.withDetail("waiting", waiting)
                    .withDetail("retry", "POST /api/admin/dead-letters/retry once the cause is gone");
        }
        return health.build();
    }
}
