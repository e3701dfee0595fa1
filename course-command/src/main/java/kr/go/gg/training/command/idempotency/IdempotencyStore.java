package kr.go.gg.training.command.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency records in the command database (the event store's database on the embedded default). Writes
 * join the transaction that is bound to the thread: inside a command's unit of work that is the transaction
 * of Axon's SpringTransactionManager, the one that appends the command's events.
 */
public class IdempotencyStore implements InitializingBean {

    private final JdbcTemplate jdbc;

    public IdempotencyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS idempotencyRecord (
                    userName VARCHAR(100) NOT NULL,
                    idempotencyKey VARCHAR(200) NOT NULL,
                    fingerprint CHAR(64) NOT NULL,
                    status INT NOT NULL,
                    body VARCHAR(100000),
                    location VARCHAR(1000),
                    version BIGINT,
                    createdAt TIMESTAMP NOT NULL,
                    PRIMARY KEY (userName, idempotencyKey)
                )""");
    }

    public Optional<IdempotencyRecord> find(String user, String key) {
        return jdbc.query("SELECT fingerprint, status, body, location, version FROM idempotencyRecord"
                        + " WHERE userName = ? AND idempotencyKey = ?",
                (rs, row) -> new IdempotencyRecord(user, key, rs.getString(1).strip(), rs.getInt(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class)),
                user, key).stream().findFirst();
    }

    /** Fails with DuplicateKeyException when the user's key is taken (a concurrent duplicate). */
    public void insert(IdempotencyRecord record) {
        jdbc.update("INSERT INTO idempotencyRecord (userName, idempotencyKey, fingerprint, status, body, location, version, createdAt)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                record.user(), record.key(), record.fingerprint(), record.status(), record.body(), record.location(),
                record.version(), Timestamp.from(Instant.now()));
    }

    public int count() {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM idempotencyRecord", Integer.class);
        return count == null ? 0 : count;
    }
}
