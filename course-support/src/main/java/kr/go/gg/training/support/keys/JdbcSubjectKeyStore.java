package kr.go.gg.training.support.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keys in table {@value #TABLE} of the embedded default's event database, beside the events: the same file, the
 * same durable settings, the same backups. Through a {@link JdbcTemplate}, so a key made or destroyed by a command
 * commits or rolls back with that command's events (Axon's JDBC store and this share the Spring transaction).
 * The DDL runs in whichever app opens the file first.
 */
public class JdbcSubjectKeyStore implements SubjectKeyStore, InitializingBean {

    public static final String TABLE = "PersonalDataKey";
    private static final String COLUMNS = "subject, scope, secret, retentionFrom, destroyedAt";

    private final JdbcTemplate jdbc;

    public JdbcSubjectKeyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS %s (
                    subject VARCHAR(64) PRIMARY KEY,
                    scope VARCHAR(64) NOT NULL,
                    secret VARBINARY(64),
                    createdAt TIMESTAMP WITH TIME ZONE NOT NULL,
                    retentionFrom TIMESTAMP WITH TIME ZONE,
                    destroyedAt TIMESTAMP WITH TIME ZONE
                )""".formatted(TABLE));
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "Scope ON " + TABLE + " (scope)");
    }

    @Override
    public boolean insertNew(String subject, String scope, byte[] key) {
        try {
            jdbc.update("INSERT INTO " + TABLE + " (subject, scope, secret, createdAt) VALUES (?, ?, ?, ?)",
                    subject, scope, key, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    @Override
    public Optional<SubjectKey> find(String subject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE subject = ?", JdbcSubjectKeyStore::row, subject)
                .stream().findFirst();
    }

    @Override
    public void destroy(String subject, String scope, Instant at) {
        int updated = jdbc.update("UPDATE " + TABLE + " SET secret = NULL, destroyedAt = COALESCE(destroyedAt, ?) WHERE subject = ?",
                Timestamp.from(at), subject);
        if (updated == 0) {
            jdbc.update("INSERT INTO " + TABLE + " (subject, scope, createdAt, destroyedAt) VALUES (?, ?, ?, ?)",
                    subject, scope, Timestamp.from(at), Timestamp.from(at));
        }
    }

    @Override
    public void startRetention(String scope, Instant from) {
        jdbc.update("UPDATE " + TABLE + " SET retentionFrom = ? WHERE scope = ? AND retentionFrom IS NULL",
                Timestamp.from(from), scope);
    }

    @Override
    public List<SubjectKey> retentionBegunBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE secret IS NOT NULL AND retentionFrom < ?"
                + " ORDER BY retentionFrom LIMIT ?", JdbcSubjectKeyStore::row, Timestamp.from(cutoff), limit);
    }

    @Override
    public long size() {
        Long size = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Long.class);
        return size == null ? 0 : size;
    }

    private static SubjectKey row(ResultSet row, int number) throws SQLException {
        return new SubjectKey(row.getString("subject"), row.getString("scope"), row.getBytes("secret"),
                instant(row.getTimestamp("retentionFrom")), instant(row.getTimestamp("destroyedAt")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
