package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor's check: every read model rebuilt from the first event equals the live one, on the seed's records. */
class ReplayEqualityTest extends StandaloneTestBase {

    private static final List<String> READS = List.of(
            "/api/reports/yearly-performance?from=2014&to=2016",
            "/api/courses?year=2014", "/api/courses?year=2015", "/api/courses?year=2016",
            "/api/pipeline?year=2016",
            "/api/agreements",
            "/api/audit-log?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1));

    @Test
    void every_read_model_rebuilt_by_a_replay_equals_the_live_one() {
        List<String> projections = caughtUp();
        assertThat(projections).isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", READS.get(0)).json().get("years").size() == 3);
        Map<String, JsonNode> live = readAll();

        for (String projection : projections) {
            HttpApi.Answer replay = api.post("admin", "/api/admin/projections/" + projection + "/replay", "");
            assertThat(replay.status()).as(projection + ": " + replay.body()).isEqualTo(202);
            JsonNode reset = replay.json();
            assertThat(reset.get("replaying").asBoolean() || reset.get("position").asLong() < reset.get("head").asLong())
                    .as(projection + " was reset: " + replay.body()).isTrue();
        }
        caughtUp();

        assertThat(readAll()).isEqualTo(live);
        assertThat(api.post("admin", "/api/admin/projections/no-such-projection/replay", "").status()).isEqualTo(404);
    }

    /** Waits until every projection has processed the whole event store; answers their names. */
    private List<String> caughtUp() {
        JsonNode statuses = await().atMost(Duration.ofSeconds(60)).until(() -> api.get("auditor", "/api/admin/projections").json(),
                all -> {
                    for (JsonNode status : all) {
                        if (status.get("position").asLong() < status.get("head").asLong()) {
                            return false;
                        }
                    }
                    return all.size() > 0;
                });
        List<String> names = new ArrayList<>();
        statuses.forEach(status -> names.add(status.get("name").asText()));
        return names;
    }

    private Map<String, JsonNode> readAll() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String read : READS) {
            HttpApi.Answer answer = api.get("admin", read);
            assertThat(answer.status()).as(read + ": " + answer.body()).isEqualTo(200);
            answers.put(read, answer.json());
        }
        return answers;
    }
}
