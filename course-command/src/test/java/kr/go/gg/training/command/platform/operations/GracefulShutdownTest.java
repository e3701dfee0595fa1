package kr.go.gg.training.command.platform.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.command.CourseCommandApplication;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown: a command in flight when the application is asked to stop is handled, committed and answered;
 * only then do Axon and the event store close. Its own context (it is closed), on its own data folder.
 */
class GracefulShutdownTest {

    @Test
    void a_command_in_flight_finishes_and_is_stored_when_the_application_stops() throws Exception {
        Path dataDir = Files.createTempDirectory("course-command-shutdown");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CourseCommandApplication.class).run(
                "--server.port=0", "--spring.profiles.active=test", "--course.data-dir=" + dataDir,
                "--course.security.users.staff.password={noop}staff-secret-1", "--course.security.users.staff.role=STAFF");
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

        CountDownLatch handling = new CountDownLatch(1);
        MessageHandlerInterceptor<CommandMessage<?>> slow = (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ProposeCourse propose && propose.title().equals("Slow course")) {
                handling.countDown();
                Thread.sleep(1500);
            }
            return chain.proceed();
        };
        context.getBean(CommandBus.class).registerHandlerInterceptor(slow);

        String body = "{\"title\":\"Slow course\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Vietnam\",\"capacity\":5}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("staff:staff-secret-1".getBytes(StandardCharsets.UTF_8)))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        assertThat(handling.await(20, TimeUnit.SECONDS)).isTrue();

        context.close(); // while the command is being handled

        HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String courseId = new ObjectMapper().readTree(response.body()).get("courseId").asText();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events"), "sa", "");
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            count.setString(1, courseId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }
}
