package kr.go.gg.training.command.eventstore;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With WRITE_DELAY=0 every commit writes a chunk and H2 never catches up on compaction, so the file grows far
 * beyond its content. Closing with SHUTDOWN COMPACT rewrites it to its live size. Runs as a destroy callback:
 * after Axon's processors have stopped (lifecycle stop precedes destruction), before the pool closes.
 */
public class H2Compaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
    private final JdbcTemplate jdbc;

    public H2Compaction(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void destroy() {
        try {
            jdbc.execute("SHUTDOWN COMPACT");
            log.info("Event store database closed and compacted");
        } catch (RuntimeException e) {
            log.warn("Could not compact the event store database on shutdown: {}", e.getMessage());
        }
    }
}
