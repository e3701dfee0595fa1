package kr.go.gg.training.command.embedded.eventstore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import kr.go.gg.training.command.CourseCommandApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Events and idempotency records survive a restart; the file is compacted on shutdown. */
class RestartTest {

    private static final String BODY = "{\"title\":\"Water\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Laos\",\"capacity\":5}";

    @Test
    @Timeout(120)
    void an_idempotent_retry_after_a_restart_returns_the_first_answer_and_appends_nothing(@TempDir Path dataDir) throws Exception {
        HttpResponse<String> first;
        try (ConfigurableApplicationContext context = start(dataDir)) {
            first = propose(context);
            assertThat(first.statusCode()).isEqualTo(201);
        }
        assertThat(Files.size(dataDir.resolve("events.mv.db"))).isLessThan(1024 * 1024);
        try (ConfigurableApplicationContext context = start(dataDir)) {
            HttpResponse<String> retry = propose(context);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(CourseCommandApplication.class).profiles("test")
                .run("--server.port=0", "--course.data-dir=" + dataDir,
                        "--course.security.users.ops.password={noop}ops-secret-1", "--course.security.users.ops.role=STAFF");
    }

    private static HttpResponse<String> propose(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "restart-1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:ops-secret-1".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
