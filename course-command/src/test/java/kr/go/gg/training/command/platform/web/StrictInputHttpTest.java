package kr.go.gg.training.command.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only well-formed input is taken (issue 14, points 6, 9, 12): each body below is refused with a 400 problem that
 * says in plain words what is wrong and where, names no class, library or token, and leaves nothing stored.
 */
class StrictInputHttpTest extends HttpTestSupport {

    private static final String PROPOSE = "/api/courses";
    private static final String GOOD = "\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Peru\",\"capacity\":3";

    /** Words of Java, Jackson or this code base that a problem detail must never show. */
    private static final String[] INTERNALS = {"$", "kr.go", "java.", "com.fasterxml", "Jackson", "JsonToken", "START_",
        "StreamReadConstraints", "Exception", "LocalDate", "Integer", "Boolean", "CourseRequests", "token"};

    private static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] proposal(int... rawTitle) {
        return bytes("{\"title\":\"a", rawTitle, "b\"," + GOOD + "}");
    }

    @Test
    void a_malformed_proposal_is_refused_in_plain_words_and_stores_nothing() {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("a number as text", "{\"title\":\"t\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Peru\",\"capacity\":\"10\"}");
        cases.put("a number for a text", "{\"title\":5," + GOOD + "}");
        cases.put("a boolean for a text", "{\"title\":true," + GOOD + "}");
        cases.put("a duplicate key", "{\"title\":\"first\",\"title\":\"second\"," + GOOD + "}");
        cases.put("garbage after the document", "{\"title\":\"t\"," + GOOD + "} x");
        cases.put("a second document", "{\"title\":\"t\"," + GOOD + "}{}");
        cases.put("an array for the body", "[]");
        cases.put("a syntax error", "{\"title\": ");
        cases.put("an escaped lone high surrogate", "{\"title\":\"a\\uD800b\"," + GOOD + "}");
        cases.put("an escaped lone low surrogate", "{\"title\":\"a\\uDC00b\"," + GOOD + "}");
        cases.put("nesting beyond the limit", "{\"title\":\"t\",\"x\":" + "[".repeat(1200) + "]".repeat(1200) + "," + GOOD + "}");
        cases.put("overlong UTF-8 for '/'", proposal(0xC0, 0xAF));
        cases.put("a truncated UTF-8 sequence", proposal(0xE2, 0x82));
        cases.put("a raw encoded surrogate", proposal(0xED, 0xA0, 0x80));
        cases.put("a lone continuation byte", proposal(0x80));
        long before = events();
        SoftAssertions softly = new SoftAssertions(); // every case that is not refused is listed
        cases.forEach((name, body) -> assertRefusedPlainly(softly, name, post(PROPOSE, body)));
        softly.assertThat(events()).as("nothing stored").isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void a_date_is_exactly_year_month_day() {
        String id = proposeKoica(3);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a trailing NUL", "\"2016-06-01\\u0000\"");
        cases.put("a trailing space", "\"2016-06-01 \"");
        cases.put("a leading space", "\" 2016-06-01\"");
        cases.put("a date-time", "\"2016-06-01T00:00:00\"");
        cases.put("an array", "[2016,6,1]");
        cases.put("a number", "20160601");
        cases.put("empty text", "\"\"");
        cases.put("no such day", "\"2016-02-30\"");
        cases.put("a short year", "\"216-06-01\"");
        cases.put("other digits", "\"\u0662\u0660\u0661\u0666-06-01\"");
        SoftAssertions softly = new SoftAssertions();
        cases.forEach((name, date) -> {
            Answer answer = post("/api/courses/" + id + "/demand-survey", "{\"surveyedOn\":" + date + "}");
            if (assertRefusedPlainly(softly, name, answer)) {
                softly.assertThat(answer.body().get("errors").get(0).get("field").asText()).as(name).isEqualTo("surveyedOn");
            }
        });
        softly.assertThat(events(id)).isEqualTo(1);
        softly.assertAll();
        assertThat(post("/api/courses/" + id + "/demand-survey", "{\"surveyedOn\":\"2016-06-01\"}").status()).isEqualTo(204);
    }

    @Test
    void a_boolean_is_true_or_false_and_a_field_path_says_where() {
        String id = proposeKoica(3);
        Answer answer = post("/api/courses/" + id + "/selection", "{\"selected\":1,\"decidedOn\":\"2016-01-05\"}");
        assertRefusedPlainly("1 for true", answer);
        assertThat(answer.body().get("detail").asText()).isEqualTo("selected must be true or false");
        Answer text = post("/api/courses/" + id + "/selection", "{\"selected\":\"true\",\"decidedOn\":\"2016-01-05\"}");
        assertRefusedPlainly("\"true\" for true", text);
        Answer duplicate = post(PROPOSE, "{\"title\":\"a\",\"title\":\"b\"," + GOOD + "}");
        assertThat(duplicate.body().get("detail").asText()).isEqualTo("title is given more than once");
        Answer wrongBody = post(PROPOSE, "[]");
        assertThat(wrongBody.body().get("detail").asText()).isEqualTo("The request body must be a JSON object");
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void start_and_completion_need_their_body() {
        String id = proposeKoica(3);
        for (String step : new String[]{"/start", "/completion"}) {
            Answer answer = post("/api/courses/" + id + step, null);
            assertRefusedPlainly(step, answer);
            assertThat(answer.body().get("detail").asText()).as(step).startsWith("The request body is missing");
        }
    }

    @Test
    void lengths_count_characters_not_utf16_units() {
        String panda = "\uD83D\uDC3C"; // one character, two UTF-16 units
        Answer accepted = post(PROPOSE, Map.of("title", panda.repeat(101), "program", "KOICA", "direction", "INBOUND",
                "partner", panda.repeat(200), "capacity", 3));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(201);
        Answer tooLong = post(PROPOSE, Map.of("title", panda.repeat(201), "program", "KOICA", "direction", "INBOUND",
                "partner", "Peru", "capacity", 3));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        Answer reason = post("/api/courses/" + proposeKoica(3) + "/cancellation", Map.of("reason", panda.repeat(2000)));
        assertThat(reason.status()).as(reason.raw().body()).isEqualTo(204);
    }

    private static void assertRefusedPlainly(String name, Answer answer) {
        SoftAssertions softly = new SoftAssertions();
        assertRefusedPlainly(softly, name, answer);
        softly.assertAll();
    }

    /** True when the answer is a problem, so its fields can be looked at. */
    private static boolean assertRefusedPlainly(SoftAssertions softly, String name, Answer answer) {
        softly.assertThat(answer.status()).as(name + ": " + answer.raw().body()).isEqualTo(400);
        boolean problem = answer.status() == 400 && answer.body() != null && answer.body().has("detail");
        if (problem) {
            softly.assertThat(answer.header("Content-Type")).as(name).startsWith("application/problem+json");
            softly.assertThat(answer.body().get("detail").asText()).as(name).isNotBlank().doesNotContain(INTERNALS);
            softly.assertThat(String.valueOf(answer.body().get("errors"))).as(name).doesNotContain(INTERNALS);
        }
        return problem;
    }
}
