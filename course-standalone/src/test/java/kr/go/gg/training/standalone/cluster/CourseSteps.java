package kr.go.gg.training.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests of the HTTP contract (docs/api.md) the cluster tests send, and the checks they repeat. */
final class CourseSteps {

    /** China's provincial-level divisions that the tests record agreements for (the seed's five first). */
    static final List<String> RECORDED_PROVINCES = List.of("Liaoning", "Guangdong", "Jiangsu", "Hebei", "Shandong",
            "Zhejiang", "Hubei", "Henan", "Sichuan", "Fujian", "Anhui", "Hunan", "Jilin", "Heilongjiang", "Shanxi",
            "Shaanxi", "Yunnan", "Hainan", "Jiangxi");
    /** Provincial-level divisions these tests never record an agreement for (refusal checks). */
    static final List<String> NEVER_RECORDED_PROVINCES = List.of("Qinghai", "Ningxia", "Gansu", "Guizhou", "Xinjiang");

    private CourseSteps() {
    }

    static String koica(String title, int capacity) {
        return """
                {"title":"%s","program":"KOICA","direction":"INBOUND","partner":"Iraq","capacity":%d,"trainingYear":2019}"""
                .formatted(title, capacity);
    }

    static String china(String title, String province, int capacity) {
        return """
                {"title":"%s","program":"CHINA_EXCHANGE","direction":"INBOUND","partner":"%s Province","capacity":%d}"""
                .formatted(title, province, capacity);
    }

    static String agreement(String province) {
        return """
                {"province":"%s","classification":"GENERAL","signedOn":"2013-05"}""".formatted(province);
    }

    static String koicaTrainee(String name) {
        return """
                {"name":"%s","country":"Iraq","organization":"Ministry of Planning","position":"Director","level":"MID_LEVEL"}"""
                .formatted(name);
    }

    static String chinaTrainee(String name) {
        return """
                {"name":"%s","country":"China","organization":"Provincial Government","position":"Deputy Director"}"""
                .formatted(name);
    }

    static final String WITHDRAWAL = "{\"reason\":\"visa refused\"}";

    /** KOICA's selection procedure from PROPOSED to SCHEDULED: the paths and bodies, in order. */
    static final List<String[]> KOICA_TO_SCHEDULED = List.of(
            new String[]{"/demand-survey", "{\"surveyedOn\":\"2017-05-10\"}", "DEMAND_SURVEYED"},
            new String[]{"/selection", "{\"selected\":true,\"decidedOn\":\"2019-01-07\"}", "SELECTED"},
            new String[]{"/consignee-invitation", "{\"quarter\":2,\"publishedOn\":\"2019-02-04\"}", "INVITATION_PUBLISHED"},
            new String[]{"/consignee-selection", "{\"awarded\":true,\"decidedOn\":\"2019-03-20\"}", "CONSIGNEE_AWARDED"},
            new String[]{"/schedule", "{\"startDate\":\"2019-08-23\",\"endDate\":\"2019-09-02\"}", "SCHEDULED"});

    /** Proposes a KOICA course and walks it to SCHEDULED, alternating over {@code nodes}; answers its id. */
    static String scheduledKoicaCourse(List<ClusterApi> nodes, String title, int capacity) {
        ClusterApi.Answer proposed = nodes.get(0).post("staff", "/api/courses", koica(title, capacity));
        assertStatus(proposed, 201);
        String id = proposed.json().get("courseId").asText();
        int i = 1;
        for (String[] step : KOICA_TO_SCHEDULED) {
            assertStatus(nodes.get(i++ % nodes.size()).post("staff", "/api/courses/" + id + step[0], step[1]), 204);
        }
        return id;
    }

    static void assertStatus(ClusterApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    }

    static void assertProblem(ClusterApi.Answer answer, int status) {
        assertStatus(answer, status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
    }

    /** Read your writes: the course through {@code query} at (at least) the version a command answered. */
    static JsonNode readAtVersion(ClusterApi query, String courseId, long version) {
        assertThat(version).as("the command answered X-Course-Version").isGreaterThanOrEqualTo(0);
        ClusterApi.Answer read = query.get("viewer", "/api/courses/" + courseId + "?minVersion=" + version);
        assertStatus(read, 200);
        return read.json();
    }

    /**
     * Polls {@code request} (every 200 ms, at most {@code timeout}) while it answers 200 without {@code done}; a
     * first answer that is not 200 ends the wait at once (the caller's assertion then shows it).
     */
    static ClusterApi.Answer awaitAnswer(Supplier<ClusterApi.Answer> request, Predicate<ClusterApi.Answer> done,
                                         Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClusterApi.Answer answer = request.get();
        while (answer.status() == 200 && !done.test(answer) && System.nanoTime() < deadline) {
            AxonServerUnderTest.sleep(200);
            answer = request.get();
        }
        return answer;
    }

    /** The entries of a JSON array answer whose {@code field} equals {@code value}. */
    static List<JsonNode> where(ClusterApi.Answer list, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        if (list.status() == 200 && list.json().isArray()) {
            list.json().forEach(entry -> {
                if (value.equals(entry.path(field).asText())) {
                    found.add(entry);
                }
            });
        }
        return found;
    }
}
