package kr.go.gg.training.query.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.DemandSurveyRecorded;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Health groups and processor lag of the query side. */
class OperationsHttpTest extends QueryApplicationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private MeterRegistry meterRegistry;
    @Value("${course.data-dir}")
    private String dataDir;

    @Test
    void healthIsOnlyAStatusForAnonymousCallersAndReadinessIncludesBothDatabases() throws Exception {
        var health = get(null, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(null, "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(null, "/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");

        JsonNode readiness = json.readTree(get("admin", "/actuator/health/readiness").body());
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "readModels", "diskSpace", "readinessState");
        // the disk of the data folder (readmodels.mv), not the working directory
        assertThat(readiness.at("/components/diskSpace/details/path").asText())
                .isEqualTo(Path.of(dataDir).toAbsolutePath().toString());
        // a read-model file H2 has closed cannot be reopened in-process: liveness asks for a restart
        JsonNode liveness = json.readTree(get("admin", "/actuator/health/liveness").body());
        assertThat(liveness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("livenessState", "readModelFile");
        assertThat(readiness.get("components").get("readModels").get("details").get("database").asText()).isEqualTo("course");
        // details (paths, database names) for ADMIN only
        for (String user : new String[]{"staff", "auditor", "viewer"}) {
            assertThat(get(user, "/actuator/health").body()).as(user).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(user, "/actuator/health/readiness").body()).as(user).isEqualTo("{\"status\":\"UP\"}");
        }
        JsonNode overall = json.readTree(get("admin", "/actuator/health").body());
        assertThat(overall.get("components").get("readModels").get("status").asText()).isEqualTo("UP");
        // the embedded wire server's file (ReadModelStore.writeProblem): in the overall health, not in readiness
        assertThat(overall.get("components").get("readModelFile").get("status").asText()).isEqualTo("UP");
        assertThat(overall.get("components").get("readModelFile").get("details").has("file")).isTrue();
        // where mongosh connects (course.mongo.port; a free port in the tests)
        assertThat(overall.at("/components/readModelFile/details/uri").asText())
                .isEqualTo("mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort() + "/course");
    }

    @org.springframework.beans.factory.annotation.Autowired
    de.bwaldvogel.mongo.MongoServer embeddedMongoServer;

    @Test
    void everyReadModelProcessorHasALagGaugeThatFallsToZeroOnceCaughtUp() {
        String id = newId();
        CourseId course = new CourseId(id);
        append("Course", id, 0, new CourseProposed(course, "Lag", Program.KOICA, Direction.INBOUND, "Peru", 5, null));
        append("Course", id, 1, new DemandSurveyRecorded(course, LocalDate.of(2030, 1, 5)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String group : ProcessingGroups.ALL) { // one processor per read model, each its own gauge
                Gauge lag = meterRegistry.find(ProcessorLagMetrics.METER).tag("processor", group).gauge();
                assertThat(lag).as(group).isNotNull();
                assertThat(lag.value()).as(group).isZero();
            }
        });
        assertThat(get("admin", "/actuator/metrics/" + ProcessorLagMetrics.METER + "?tag=processor:rosters").statusCode())
                .isEqualTo(200);
        assertThat(meterRegistry.find(ProcessorLagMetrics.METER).tag("processor", "read-models").gauge()).isNull();
    }

    @Test
    void theProcessorsCarryNoAxonMessageMonitorsButTheQueryBusDoes() throws Exception {
        String id = newId();
        append("Course", id, 0, new CourseProposed(new CourseId(id), "Monitors", Program.KOICA, Direction.INBOUND, "Peru", 5, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("viewer", "/api/courses/" + id).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meterRegistry.find(ProcessorLagMetrics.METER).tag("processor", ProcessingGroups.COURSE_SUMMARIES)
                    .gauge().value()).isZero();
        });

        List<String> names = meterRegistry.getMeters().stream().map(meter -> meter.getId().getName()).toList();
        assertThat(names).noneMatch(name -> name.startsWith("eventProcessor"));
        for (String group : ProcessingGroups.ALL) {
            assertThat(names).as(group).noneMatch(name -> name.startsWith(group + "."));
        }
        assertThat(meterRegistry.getMeters()).noneMatch(meter -> meter.getId().getTag("processorName") != null);
        assertThat(names).contains("queryBus.successCounter");
    }

    @Test
    void queriesEchoTheCorrelationIdTheirLogLinesCarry() throws Exception {
        var given = http.send(request("viewer", "/api/courses?year=2030").header("X-Correlation-Id", "query-42").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.headers().firstValue("X-Correlation-Id")).contains("query-42");
        var made = get("viewer", "/api/courses?year=2030");
        assertThat(made.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void lagIsTheHeadMinusTheLowestSegmentPosition() {
        EventTrackerStatus behind = mock(EventTrackerStatus.class);
        when(behind.getCurrentPosition()).thenReturn(OptionalLong.of(40));
        EventTrackerStatus ahead = mock(EventTrackerStatus.class);
        when(ahead.getCurrentPosition()).thenReturn(OptionalLong.of(99));
        EventTrackerStatus fresh = mock(EventTrackerStatus.class);
        when(fresh.getCurrentPosition()).thenReturn(OptionalLong.empty());

        assertThat(ProcessorLagMetrics.lag(OptionalLong.of(100), List.of(behind, ahead))).isEqualTo(60);
        assertThat(ProcessorLagMetrics.lag(OptionalLong.of(99), List.of(ahead))).isZero();
        assertThat(ProcessorLagMetrics.lag(OptionalLong.of(9), List.of(fresh))).isEqualTo(10); // events 0..9 not yet handled
        assertThat(ProcessorLagMetrics.lag(OptionalLong.of(9), List.of())).isNaN();              // not running
    }
}
