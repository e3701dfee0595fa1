package kr.go.gg.training.query.platform.readmodel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelDatabaseNameTest {

    @Test
    void the_database_named_in_the_uri_is_the_read_models_database() {
        assertThat(ReadModelDatabaseConfiguration.databaseName("", "mongodb://mongo:27017/gyeonggi")).isEqualTo("gyeonggi");
    }

    @Test
    void an_explicit_database_setting_wins_over_the_uri() {
        assertThat(ReadModelDatabaseConfiguration.databaseName("reports", "mongodb://mongo:27017/gyeonggi")).isEqualTo("reports");
    }

    @Test
    void without_either_the_database_is_course() {
        assertThat(ReadModelDatabaseConfiguration.databaseName("", "")).isEqualTo("course");
        assertThat(ReadModelDatabaseConfiguration.databaseName("", "mongodb://mongo:27017")).isEqualTo("course");
    }
}
