package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The proof of crypto-shredding on the embedded default (docs/privacy.md), on a fresh data folder: a trainee with a
 * unique name is enrolled and shown, erased, the application restarted; then that name is in no byte of the data
 * folder (event store, read models, the log written there; the read models' compressed file read back by H2), in no HTTP answer and in no read model read with the
 * raw driver; the report is byte-equal; a replay shows the trainee erased. A second trainee, not erased, is the
 * control that every one of these searches can find what it looks for.
 */
class ErasureProofTest {

    private static final String MARK = UUID.randomUUID().toString().substring(0, 8);
    private static final String ERASED = "Erased-Name-" + MARK;
    private static final String KEPT = "Kept-Name-" + MARK;
    private static final String REPORT = "/api/reports/yearly-performance?from=2019&to=2019";

    private final Path dataDir = newDataDir();
    private ConfigurableApplicationContext app;
    private HttpApi api;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void after_an_erasure_and_a_restart_the_name_is_nowhere() {
        start();
        String course = completedCourseWith(ERASED, KEPT);
        String erased = traineeId(course, ERASED);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", REPORT).body().contains("\"people\":2"));
        String report = api.get("viewer", REPORT).body();
        assertThat(answers(course, erased)).as("sanity: shown before the erasure").contains(ERASED);

        assertThat(api.post("staff", course + "/trainees/" + erased + "/erasure", "{\"reason\":\"asked\"}").status()).isEqualTo(403);
        assertThat(api.post("admin", course + "/trainees/" + erased + "/erasure", "{\"reason\":\"asked by the trainee\"}").status())
                .isEqualTo(204);
        assertThat(api.post("admin", course + "/trainees/" + erased + "/erasure", "{\"reason\":\"again\"}").status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> !answers(course, erased).contains(ERASED));

        app.close(); // the read-model file is compacted to its live pages when the application stops
        List<Path> holdingKept = filesContaining(KEPT);
        List<Path> holdingErased = filesContaining(ERASED);
        start();
        assertThat(holdingKept).as("sanity: the search finds the trainee who was not erased").isNotEmpty();
        assertThat(holdingErased).as("files of the data folder holding the erased name").isEmpty();
        assertThat(answers(course, erased)).doesNotContain(ERASED).contains(KEPT);
        assertThat(readModels()).doesNotContain(ERASED).contains(KEPT);
        assertThat(api.get("viewer", REPORT).body()).isEqualTo(report);
        JsonNode erasedEntry = rosterEntry(course, erased);
        assertThat(erasedEntry.get("erased").asBoolean()).isTrue();
        assertThat(erasedEntry.get("name").isNull()).isTrue();
        JsonNode log = api.get("auditor", "/api/privacy/erasures").json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("by").asText()).isEqualTo("admin");
        assertThat(log.get(0).get("reason").asText()).isEqualTo("asked by the trainee");

        assertThat(api.post("admin", "/api/admin/projections/rosters/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("auditor", course + "/trainees").body().contains(KEPT));
        assertThat(rosterEntry(course, erased).get("erased").asBoolean()).isTrue();
        assertThat(answers(course, erased)).doesNotContain(ERASED);
    }

    /** A KOICA course through its stages, the two trainees enrolled, started and completed. */
    private String completedCourseWith(String first, String second) {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Privacy","program":"KOICA","direction":"INBOUND","partner":"Iraq","capacity":5,"trainingYear":2019}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();
        for (String[] step : new String[][]{{"/demand-survey", "{\"surveyedOn\":\"2017-05-10\"}"},
                {"/selection", "{\"selected\":true,\"decidedOn\":\"2019-01-07\"}"},
                {"/consignee-invitation", "{\"quarter\":2,\"publishedOn\":\"2019-02-04\"}"},
                {"/consignee-selection", "{\"awarded\":true,\"decidedOn\":\"2019-03-20\"}"},
                {"/schedule", "{\"startDate\":\"2019-08-23\",\"endDate\":\"2019-09-02\"}"}}) {
            assertThat(api.post("staff", course + step[0], step[1]).status()).isEqualTo(204);
        }
        for (String name : List.of(first, second)) {
            HttpApi.Answer enrolled = api.post("staff", course + "/trainees", """
                    {"name":"%s","country":"Iraq","organization":"Ministry of Planning","position":"Director","level":"MID_LEVEL"}"""
                    .formatted(name));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        }
        assertThat(api.post("staff", course + "/start", "{}").status()).isEqualTo(204);
        assertThat(api.post("staff", course + "/completion", "{}").status()).isEqualTo(204);
        return course;
    }

    private String traineeId(String course, String name) {
        JsonNode roster = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("auditor", course + "/trainees").json(),
                trainees -> trainees.size() == 2);
        for (JsonNode trainee : roster) {
            if (name.equals(trainee.get("name").asText())) {
                return trainee.get("traineeId").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + roster);
    }

    private JsonNode rosterEntry(String course, String traineeId) {
        for (JsonNode trainee : api.get("auditor", course + "/trainees").json()) {
            if (traineeId.equals(trainee.get("traineeId").asText())) {
                return trainee;
            }
        }
        throw new AssertionError("no trainee " + traineeId);
    }

    /** Every answer that may show a trainee: roster, history, state, audit log, personal data, destruction log. */
    private String answers(String course, String traineeId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return String.join("\n", api.get("auditor", course + "/trainees").body(), api.get("auditor", course + "/history").body(),
                api.get("auditor", course + "/state").body(),
                api.get("auditor", "/api/audit-log?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)).body(),
                api.get("admin", course + "/trainees/" + traineeId + "/personal-data").body(),
                api.get("admin", "/api/privacy/erasures").body());
    }

    /** Every document of every collection of every database, read with the raw driver. */
    private String readModels() {
        MongoClient client = app.getBean(MongoClient.class);
        StringBuilder all = new StringBuilder();
        for (String database : client.listDatabaseNames()) {
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                for (Document document : client.getDatabase(database).getCollection(collection).find()) {
                    all.append(document.toJson()).append('\n');
                }
            }
        }
        return all.toString();
    }

    /**
     * Files of the stopped application's data folder holding {@code text}: in their bytes, or, in the read-model file
     * (its pages compressed), in any key or value of any of its maps as H2 reads them back. At the stop that file was
     * compacted to its live pages, so its maps are everything it holds.
     */
    private List<Path> filesContaining(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0
                        || file.getFileName().toString().equals("readmodels.mv") && mapsHold(file, text)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean mapsHold(Path file, String text) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            for (String name : store.getMapNames()) {
                MVMap<Object, Object> map = store.openMap(name);
                for (Map.Entry<Object, Object> entry : map.entrySet()) {
                    if (String.valueOf(entry.getKey()).contains(text) || String.valueOf(entry.getValue()).contains(text)) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            store.close();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void start() {
        app = new SpringApplicationBuilder(CourseStandaloneApplication.class).profiles("standalone")
                .run("--server.port=0", "--course.data-dir=" + dataDir, "--logging.file.name=" + dataDir.resolve("course.log"));
        api = new HttpApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("course-erasure-proof");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
