package kr.go.gg.training.support.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's key store: a table in an H2 file, as beside the events; durable across a reopening. */
class JdbcSubjectKeyStoreTest {

    @TempDir
    Path dir;
    private JdbcDataSource dataSource;
    private JdbcSubjectKeyStore keys;

    @BeforeEach
    void open() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0");
        keys = reopened();
    }

    private JdbcSubjectKeyStore reopened() {
        JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
        store.afterPropertiesSet();
        return store;
    }

    @Test
    void a_subject_gets_one_random_256_bit_key_which_a_second_create_returns() {
        byte[] key = keys.create("t-1", "c-1");

        assertThat(key).hasSize(32);
        assertThat(keys.create("t-1", "c-1")).isEqualTo(key);
        assertThat(keys.create("t-2", "c-1")).isNotEqualTo(key);
        assertThat(reopened().find("t-1").orElseThrow().key()).isEqualTo(key);
    }

    @Test
    void a_destroyed_key_leaves_a_tombstone_and_no_key() {
        keys.create("t-1", "c-1");
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        keys.destroy("t-1", "c-1", at);

        SubjectKey tombstone = keys.find("t-1").orElseThrow();
        assertThat(tombstone.destroyed()).isTrue();
        assertThat(tombstone.key()).isNull();
        assertThat(tombstone.destroyedAt()).isEqualTo(at);
        assertThatThrownBy(() -> keys.create("t-1", "c-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void destroying_a_subject_the_store_never_knew_records_a_tombstone() {
        keys.destroy("legacy", "c-1", Instant.now());

        assertThat(keys.find("legacy").orElseThrow().destroyed()).isTrue();
        assertThat(keys.find("never").isEmpty()).isTrue();
    }

    @Test
    void retention_begins_for_a_scope_once_and_lists_only_living_keys() {
        keys.create("t-1", "c-1");
        keys.create("t-2", "c-1");
        keys.create("t-3", "c-2");
        keys.startRetention("c-1", Instant.parse("2020-01-01T00:00:00Z"));
        keys.startRetention("c-1", Instant.parse("2024-01-01T00:00:00Z"));
        keys.destroy("t-2", "c-1", Instant.now());

        assertThat(keys.retentionBegunBefore(Instant.parse("2021-01-01T00:00:00Z"), 10))
                .extracting(SubjectKey::subject).containsExactly("t-1");
        assertThat(keys.retentionBegunBefore(Instant.parse("2019-01-01T00:00:00Z"), 10)).isEmpty();
        assertThat(keys.size()).isEqualTo(3);
    }
}
