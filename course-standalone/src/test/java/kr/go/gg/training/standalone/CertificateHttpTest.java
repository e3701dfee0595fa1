package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Certificates of completion over HTTP on a course walked to completion: the PDF read back holds the name and the
 * course; refused (409) before completion, for a withdrawn and for an erased trainee; STAFF and ADMIN only.
 */
class CertificateHttpTest extends StandaloneTestBase {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<byte[]> certificate(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/certificate"))
                .header("Authorization", HttpApi.basic(user, user + "-pass")).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String walkedToStart(Map<String, String> trainees) {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Water resources planning","program":"KOICA","direction":"INBOUND","partner":"Peru","capacity":5,"trainingYear":2033}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();
        for (String[] step : new String[][]{{"/demand-survey", "{\"surveyedOn\":\"2031-05-10\"}"},
                {"/selection", "{\"selected\":true,\"decidedOn\":\"2033-01-07\"}"},
                {"/consignee-invitation", "{\"quarter\":1,\"publishedOn\":\"2033-02-04\"}"},
                {"/consignee-selection", "{\"awarded\":true,\"decidedOn\":\"2033-03-20\"}"},
                {"/schedule", "{\"startDate\":\"2033-05-02\",\"endDate\":\"2033-05-13\"}"}}) {
            assertThat(api.post("staff", course + step[0], step[1]).status()).isEqualTo(204);
        }
        for (String name : new String[]{"Luis Quispe Mamani", "Withdrawn Rojas", "Erased Flores"}) {
            HttpApi.Answer enrolled = api.post("staff", course + "/trainees", """
                    {"name":"%s","country":"Peru","organization":"ANA","position":"Engineer","level":"MID_LEVEL"}"""
                    .formatted(name));
            assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
            trainees.put(name, course + "/trainees/" + enrolled.json().get("traineeId").asText());
        }
        assertThat(api.post("staff", trainees.get("Withdrawn Rojas") + "/withdrawal", "{\"reason\":\"recalled\"}").status())
                .isEqualTo(204);
        assertThat(api.post("staff", course + "/start", "{}").status()).isEqualTo(204);
        return course;
    }

    private void awaitCompleted(String course) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode roster = api.get("staff", course + "/trainees").json();
            return api.get("staff", course).json().get("status").asText().equals("COMPLETED")
                    && roster.findValuesAsText("status").contains("PARTICIPATED");
        });
    }

    @Test
    void a_participant_of_a_completed_course_gets_a_pdf_naming_them_and_the_course() throws IOException {
        Map<String, String> trainees = new HashMap<>();
        String course = walkedToStart(trainees);
        String luis = trainees.get("Luis Quispe Mamani");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("staff", course).json().get("status").asText()
                .equals("IN_PROGRESS"));
        HttpResponse<byte[]> early = certificate("staff", luis);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(new String(early.body(), StandardCharsets.UTF_8)).contains("IN_PROGRESS", "COMPLETED");

        assertThat(api.post("staff", course + "/completion", "{}").status()).isEqualTo(204);
        awaitCompleted(course);
        HttpResponse<byte[]> pdf = certificate("staff", luis);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("Luis Quispe Mamani", "Water resources planning", "Peru", "2033-05-02", "수료증",
                "Gyeonggi-do");
        assertThat(text(certificate("admin", luis).body())).as("the same number on every copy")
                .contains(text.lines().filter(line -> line.startsWith("No. GG-2033-")).findFirst().orElseThrow());
        assertThat(certificate("auditor", luis).statusCode()).isEqualTo(403);
        assertThat(certificate("viewer", luis).statusCode()).isEqualTo(403);
        assertThat(certificate("staff", course + "/trainees/nobody").statusCode()).isEqualTo(404);
        assertThat(certificate("staff", "/api/courses/no-such-course/trainees/nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void a_withdrawn_or_erased_trainee_gets_none() {
        Map<String, String> trainees = new HashMap<>();
        String course = walkedToStart(trainees);
        assertThat(api.post("staff", course + "/completion", "{}").status()).isEqualTo(204);
        awaitCompleted(course);
        HttpResponse<byte[]> withdrawn = certificate("staff", trainees.get("Withdrawn Rojas"));
        assertThat(withdrawn.statusCode()).isEqualTo(409);
        assertThat(new String(withdrawn.body(), StandardCharsets.UTF_8)).contains("WITHDRAWN");

        String erased = trainees.get("Erased Flores");
        assertThat(certificate("staff", erased).statusCode()).as("sanity: before the erasure").isEqualTo(200);
        assertThat(api.post("admin", erased + "/erasure", "{\"reason\":\"asked by the trainee\"}").status()).isEqualTo(204);
        HttpResponse<byte[]> refused = certificate("staff", erased);
        assertThat(refused.statusCode()).as("refused at once: the key store decides").isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("erased").doesNotContain("Flores");
    }
}
