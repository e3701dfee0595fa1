package kr.go.gg.training.command.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import kr.go.gg.training.command.CourseCommandApplication;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client is told when Axon Server fails under a command: the gateway fails as the Axon Server connector
 * fails (a connection reset inside, which Spring MVC would otherwise take for a client that went away and answer
 * 200 with no body). Titles name the outcome; the answer is always 503 problem+json with Retry-After.
 */
@ActiveProfiles("test")
@SpringBootTest(classes = {CourseCommandApplication.class, EventStoreUnavailableHttpTest.FailingGateway.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStoreUnavailableHttpTest {

    /** What the next command fails with. */
    static volatile RuntimeException failure;

    @TestConfiguration
    static class FailingGateway {
        @Bean
        @Primary
        CommandGateway failingGateway() {
            return new CommandGateway() {
                @Override
                public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
                    throw failure;
                }

                @Override
                public <R> R sendAndWait(Object command) {
                    throw failure;
                }

                @Override
                public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
                    throw failure;
                }

                @Override
                public <R> CompletableFuture<R> send(Object command) {
                    return CompletableFuture.failedFuture(failure);
                }

                @Override
                public Registration registerDispatchInterceptor(
                        MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
                    return () -> true;
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("course-command-unavailable").toString();
        registry.add("course.data-dir", () -> dataDir);
        registry.add("course.security.users.staff.password", () -> "{noop}staff-secret-1");
        registry.add("course.security.users.staff.role", () -> "STAFF");
    }

    @LocalServerPort
    int port;

    private HttpResponse<String> propose() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/courses"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-1")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("staff:staff-secret-1".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Water\",\"program\":\"KOICA\",\"direction\":\"INBOUND\","
                        + "\"partner\":\"Laos\",\"capacity\":5,\"trainingYear\":2026}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUnavailable(HttpResponse<String> answer, String detail) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).contains("2");
        assertThat(answer.body()).contains(detail).doesNotContain("Exception", "grpc", "axon");
    }

    @Test
    void a_connection_lost_under_way_is_a_503_saying_the_outcome_is_unknown_and_to_retry_with_the_same_key() throws Exception {
        failure = new AxonServerException("AXONIQ-0001", "connection lost",
                Status.UNAVAILABLE.withDescription("Connection reset by peer").asRuntimeException());

        assertUnavailable(propose(), "may or may not have been stored");
    }

    @Test
    void no_reachable_handler_is_a_503_saying_nothing_was_stored() throws Exception {
        failure = new NoHandlerForCommandException("No node known to accept kr.go.gg.training.api.course.ProposeCourse");

        assertUnavailable(propose(), "was not stored");
    }
}
