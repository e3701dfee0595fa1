package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input over every command endpoint: each gets a problem+json 4xx that says what is wrong,
 * and no event is appended. And errors of every layer (Spring MVC, the security firewall, Tomcat itself) are problems
 * with the security headers, naming no class, library or file.
 */
class BadInputTest extends StandaloneTestBase {

    private static final String UNKNOWN = "/api/courses/" + UUID.randomUUID();
    private static final String TRAINEE = """
            {"name":"Ali","country":"Iraq","organization":"Ministry","position":"Director","level":"MID_LEVEL"}""";

    @Autowired
    JdbcTemplate jdbc;

    String course;
    String scheduled;

    record Case(String name, String path, String body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String c = "{course}";
        return Stream.of(
                new Case("malformed JSON", "/api/courses", "{\"title\":", 400),
                new Case("empty body", "/api/courses", "", 400),
                new Case("missing fields", "/api/courses", "{}", 400),
                new Case("blank title", "/api/courses", course("  ", "KOICA", "INBOUND", "20"), 400),
                new Case("100 kB title", "/api/courses", course("x".repeat(100_000), "KOICA", "INBOUND", "20"), 400),
                new Case("unknown programme", "/api/courses", course("t", "MARS", "INBOUND", "20"), 400),
                new Case("capacity of the wrong type", "/api/courses", course("t", "KOICA", "INBOUND", "\"many\""), 400),
                new Case("negative capacity", "/api/courses", course("t", "KOICA", "INBOUND", "-1"), 400),
                new Case("outbound KOICA course", "/api/courses", course("t", "KOICA", "OUTBOUND", "20"), 400),
                new Case("unknown agreement classification", "/api/agreements",
                        "{\"province\":\"Hebei\",\"classification\":\"SECRET\",\"signedOn\":\"2013-01\"}", 400),
                new Case("agreement month not a month", "/api/agreements",
                        "{\"province\":\"Hebei\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-13\"}", 400),
                new Case("survey date not a date", c + "/demand-survey", "{\"surveyedOn\":\"yesterday\"}", 400),
                new Case("survey date in 1850", c + "/demand-survey", "{\"surveyedOn\":\"1850-01-01\"}", 400),
                new Case("selection without a decision", c + "/selection", "{\"decidedOn\":\"2016-01-05\"}", 400),
                new Case("fifth quarter", c + "/consignee-invitation", "{\"quarter\":5,\"publishedOn\":\"2016-02-01\"}", 400),
                new Case("period ending before it starts", c + "/schedule",
                        "{\"startDate\":\"2016-09-02\",\"endDate\":\"2016-08-23\"}", 400),
                new Case("period in the year 3000", c + "/schedule",
                        "{\"startDate\":\"3000-08-23\",\"endDate\":\"3000-09-02\"}", 400),
                new Case("unknown trainee level", c + "/trainees", TRAINEE.replace("MID_LEVEL", "GENERAL"), 400),
                new Case("trainee without a name", c + "/trainees", TRAINEE.replace("\"Ali\"", "null"), 400),
                new Case("KOICA trainee without a level", c + "/trainees", TRAINEE.replace(",\"level\":\"MID_LEVEL\"", ""), 400),
                new Case("withdrawal without a reason", c + "/trainees/" + UUID.randomUUID() + "/withdrawal", "{}", 400),
                new Case("cancellation without a reason", c + "/cancellation", "{\"reason\":\"\"}", 400),
                new Case("unknown course", UNKNOWN + "/start", "{}", 404),
                new Case("unknown trainee", "{scheduled}/trainees/" + UUID.randomUUID() + "/withdrawal", "{\"reason\":\"ill\"}", 404),
                new Case("import of a course with an unknown programme", "/api/imports/historical-courses",
                        "{\"courses\":[{\"program\":\"MARS\",\"partner\":\"Iraq\",\"startDate\":\"2016-08-23\",\"endDate\":\"2016-09-02\",\"people\":15}]}", 400),
                new Case("import of a course with negative people", "/api/imports/historical-courses",
                        "{\"courses\":[{\"program\":\"KOICA\",\"partner\":\"Iraq\",\"startDate\":\"2016-08-23\",\"endDate\":\"2016-09-02\",\"people\":-3}]}", 400),
                new Case("step out of order", c + "/start", "{}", 409));
    }

    record Raw(String name, String request, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Raw> layers() {
        String staff = "Authorization: " + HttpApi.basic("staff", "staff-pass") + "\r\n";
        return Stream.of(
                new Raw("405 of a known path", "DELETE /api/courses HTTP/1.1\r\n" + staff, 405),
                new Raw("404 of an unknown path under /api", "GET /api/no-such-thing HTTP/1.1\r\n" + staff, 404),
                new Raw("404 of an unknown path outside /api", "GET /no-such-thing HTTP/1.1\r\n" + staff, 404),
                new Raw("/error asked for directly, anonymous", "GET /error HTTP/1.1\r\n", 404),
                new Raw("/error asked for directly, signed in", "GET /error HTTP/1.1\r\n" + staff, 404),
                new Raw("firewall: '..' in the path", "GET /api/../api/courses HTTP/1.1\r\n" + staff, 400),
                new Raw("firewall: '%2e%2e' in the path", "GET /api/%2e%2e/api/courses HTTP/1.1\r\n" + staff, 400),
                new Raw("firewall: '//' in the path", "GET //api/courses HTTP/1.1\r\n" + staff, 400),
                new Raw("firewall: a control character in a header", "GET /api/courses HTTP/1.1\r\nAccept: a\u0085\r\n" + staff, 400),
                new Raw("Tomcat: '|' in the path", "GET /api/a|b HTTP/1.1\r\n" + staff, 400),
                new Raw("Tomcat: an encoded slash", "GET /api/a%2Fb HTTP/1.1\r\n" + staff, 400),
                new Raw("Tomcat: a request line that is not HTTP", "GARBAGE\r\n", 400),
                new Raw("Tomcat: an unsupported HTTP version", "GET /api/courses HTTP/9.9\r\n", 505),
                new Raw("Tomcat: a header line without a colon", "GET /api/courses HTTP/1.1\r\nNo colon here\r\n", 400),
                new Raw("Tomcat: a Content-Length that is not a number", "POST /api/courses HTTP/1.1\r\nContent-Length: many\r\n", 400),
                new Raw("Tomcat: a header over 8 KB", "GET /api/courses HTTP/1.1\r\nX-Big: " + "a".repeat(10_000) + "\r\n", 400),
                new Raw("Tomcat: an unknown transfer encoding", "POST /api/courses HTTP/1.1\r\nTransfer-Encoding: gzip\r\n", 501));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void errors_of_every_layer_are_problems_with_the_security_headers(Raw bad) {
        HttpApi.Raw answer = api.raw(bad.request().replace("HTTP/1.1\r\n", "HTTP/1.1\r\nHost: localhost\r\n")
                + "Connection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.head()).isEqualTo(bad.status());
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(bad.status());
        assertThat(answer.json().get("detail").asText()).isNotBlank();
        if (bad.status() == 400) {
            assertThat(answer.json().get("title").asText()).as("one title for every 400").isEqualTo("Invalid request");
        }
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("cache-control")).contains("no-store");
        assertThat(answer.header("server")).isEmpty();
        assertThat(answer.body()).doesNotContainPattern("(?i)java|jakarta|spring|tomcat|catalina|apache|exception|/tmp|"
                + "\\.class|<html");
        if (bad.status() == 405) {
            assertThat(answer.header("allow")).contains("GET").contains("POST");
        }
    }

    private static String course(String title, String program, String direction, String capacity) {
        return """
                {"title":"%s","program":"%s","direction":"%s","partner":"Iraq","capacity":%s}"""
                .formatted(title, program, direction, capacity);
    }

    @BeforeEach
    void aProposedCourse() {
        HttpApi.Answer proposed = api.post("staff", "/api/courses", course("Bad input", "KOICA", "INBOUND", "20"));
        course = "/api/courses/" + proposed.json().get("courseId").asText();
        api.post("staff", "/api/agreements", "{\"province\":\"Hebei\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-01\"}");
        HttpApi.Answer china = api.post("staff", "/api/courses", """
                {"title":"Scheduled","program":"CHINA_EXCHANGE","direction":"INBOUND","partner":"Hebei Province","capacity":20}""");
        scheduled = "/api/courses/" + china.json().get("courseId").asText();
        api.post("staff", scheduled + "/schedule", "{\"startDate\":\"2022-09-15\",\"endDate\":\"2022-09-26\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_problem_and_appends_nothing(Case bad) {
        long events = jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class);

        HttpApi.Answer answer = api.post("staff", bad.path().replace("{course}", course).replace("{scheduled}", scheduled), bad.body());

        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isNotBlank();
        if (bad.status() == 400) {
            assertThat(answer.json().get("title").asText()).as("one title for every 400").isEqualTo("Invalid request");
        }
        assertThat(jdbc.queryForObject("select count(*) from DomainEventEntry", Long.class)).isEqualTo(events);
    }

    static Stream<String> badQueries() {
        return Stream.of("/api/courses?year=abc", "/api/courses?year=1800", "/api/pipeline", "/api/pipeline?year=x",
                "/api/reports/yearly-performance?from=2016&to=2014", "/api/audit-log?from=2016-01-01",
                "/api/courses?minPosition=-1", "/api/courses?status=NOPE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void a_bad_query_gets_the_same_400_as_a_bad_command(String path) {
        HttpApi.Answer answer = api.get("admin", path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).isEqualTo("Invalid request");
        assertThat(answer.json().get("errors")).isNotEmpty();
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("message").asText()).as("the field is named beside the message")
                .doesNotStartWith(error.get("field").asText() + " ");
    }
}
