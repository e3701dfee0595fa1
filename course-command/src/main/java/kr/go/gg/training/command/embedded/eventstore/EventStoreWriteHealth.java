package kr.go.gg.training.command.embedded.eventstore;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health {@code eventStore} (in the readiness group): whether the event store's database can commit a write now.
 * A read succeeds on a full disk, so the {@code db} indicator's query stays UP; this one commits one row of its
 * own table, which writes to the file as an append does (WRITE_DELAY=0), and is DOWN while that fails. The row is
 * overwritten each time and online compaction reclaims the chunks. At most one probe a second: anyone may ask for
 * the health, and a flood of requests must not become a flood of file writes.
 */
public class EventStoreWriteHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventStoreWriteHealth.class);
    private static final long MIN_INTERVAL = Duration.ofSeconds(1).toNanos();

    private record Probe(Health health, long at) {
    }

    private final JdbcTemplate jdbc;
    private volatile Probe last;

    public EventStoreWriteHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Probe probe = last;
        long now = System.nanoTime();
        if (probe == null || now - probe.at() >= MIN_INTERVAL) {
            probe = new Probe(probe(), now);
            last = probe;
        }
        return probe.health();
    }

    private Health probe() {
        try {
            jdbc.execute("CREATE TABLE IF NOT EXISTS course_write_probe (id INT PRIMARY KEY, probed_at TIMESTAMP)");
            jdbc.update("MERGE INTO course_write_probe KEY (id) VALUES (1, CURRENT_TIMESTAMP)");
            return Health.up().build();
        } catch (RuntimeException e) {
            log.warn("The event store cannot commit a write: {}", e.getMessage());
            return Health.down().withDetail("problem", "the event store cannot commit a write").build();
        }
    }
}
