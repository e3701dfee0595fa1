package kr.go.gg.training.command.embedded.eventstore;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health {@code eventStore} (in the readiness group): whether the event store's database can commit a write now.
 * A read succeeds on a full disk, so the {@code db} indicator's query stays UP; this one commits one row of its
 * own table, which writes to the file as an append does (WRITE_DELAY=0), and is DOWN while that fails. The row is
 * overwritten each time and online compaction reclaims the chunks.
 */
public class EventStoreWriteHealth extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    public EventStoreWriteHealth(JdbcTemplate jdbc) {
        super("The event store cannot commit a write");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS course_write_probe (id INT PRIMARY KEY, probed_at TIMESTAMP)");
        jdbc.update("MERGE INTO course_write_probe KEY (id) VALUES (1, CURRENT_TIMESTAMP)");
        builder.up();
    }
}
