package kr.go.gg.training.command.axonserver;

import kr.go.gg.training.support.eventtable.EventTableSchema;
import java.nio.file.Path;

import javax.sql.DataSource;

import kr.go.gg.training.command.CourseCommandApplication;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile axonserver wires the Axon Server connector; no server runs here, connecting is attempted lazily. */
class AxonServerProfileTest {

    @Test
    @Timeout(90)
    void the_axonserver_profile_selects_the_axon_server_event_store_and_no_jdbc_engine(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CourseCommandApplication.class)
                .profiles("axonserver")
                .run("--server.port=0",
                        "--course.data-dir=" + dataDir,
                        "--axon.axonserver.servers=localhost:18124",
                        "--axon.axonserver.connect-timeout=500",
                        "--course.security.users.ops.password={noop}ops-secret-1",
                        "--course.security.users.ops.role=ADMIN")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
            assertThat(context.getBeansOfType(EventTableSchema.class)).isEmpty();
            assertThat(context.getBean(AxonServerConnectionManager.class)).isNotNull();
            // no database of its own: keys in the aggregates' events, agreements read from the event stream
            assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
            assertThat(context.getBean(AgreementLookup.class)).isInstanceOf(StreamedAgreementLookup.class);
        }
    }
}
