package kr.go.gg.training.command.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that declare a body and send it slowly, or not at all (issue 14, point 1). Few worker threads here, so a
 * few sockets would hold all of them if the server waited for their bodies; the read timeout is short so the test
 * is quick (a socket that trickles a byte every second never lets it run out).
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=8", "server.tomcat.connection-timeout=3s"})
class SlowClientsHttpTest extends HttpTestSupport {

    private static final int SOCKETS = 24;
    private final List<SlowClient> clients = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void closeSockets() throws IOException {
        trickle.shutdownNow();
        for (SlowClient client : clients) {
            client.socket.close();
        }
    }

    /** Anonymous (401), a read anyone may make (200 without reading the body), a wrong password (401). */
    @ParameterizedTest
    @ValueSource(strings = {"POST /api/courses", "GET /actuator/health", "POST /api/courses wrong"})
    void bodies_the_answer_did_not_need_are_not_waited_for(String request) throws Exception {
        String[] parts = request.split(" ");
        String authorization = parts.length > 2 ? "Authorization: Basic "
                + Base64.getEncoder().encodeToString("staff:wrong".getBytes(StandardCharsets.UTF_8)) + "\r\n" : "";
        for (int i = 0; i < SOCKETS; i++) {
            SlowClient client = open(parts[0] + " " + parts[1] + " HTTP/1.1\r\nHost: localhost\r\n" + authorization
                    + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"title\":");
            trickle.scheduleWithFixedDelay(() -> client.write("\""), 1, 1, TimeUnit.SECONDS);
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            TimeUnit.SECONDS.sleep(1);
        }
        // each slow client got its answer and then the end of the connection, not a wait for the rest
        for (SlowClient client : clients) {
            String answer = client.answer();
            // wrong passwords: 401 until the login throttle answers 429 for the rest (10 failures per user)
            String status = parts[1].startsWith("/actuator") ? "200" : authorization.isEmpty() ? "401" : "(401|429)";
            assertThat(answer).containsPattern("^HTTP/1\\.1 " + status + " ")
                    .doesNotContain("still open").containsOnlyOnce("HTTP/1.1");
            assertThat(answer.toLowerCase()).as("a client must not reuse the connection").contains("connection: close");
        }
    }

    @Test
    void requests_without_a_body_keep_their_connection() throws Exception {
        SlowClient client = open("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        TimeUnit.MILLISECONDS.sleep(500);
        client.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String answers = client.answer();
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
        assertThat(answers.toLowerCase().split("connection: close", -1)).hasSize(2);
    }

    @Test
    void a_body_shorter_than_its_content_length_is_refused_and_executes_nothing() throws Exception {
        long before = events();
        String body = "{\"title\":\"Short\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Vietnam\",\"capacity\":3}";
        SlowClient client = open("POST /api/courses HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("staff:staff-secret-1".getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() + 20) + "\r\n\r\n" + body);
        String answer = client.answer();
        assertThat(answer).matches("(?s)HTTP/1.1 40[08] .*");
        assertThat(events()).isEqualTo(before);
    }

    private SlowClient open(String head) throws IOException {
        SlowClient client = new SlowClient(new Socket("localhost", port));
        clients.add(client);
        client.write(head);
        return client;
    }

    /** A socket whose answer is read as it comes (before a reset could discard it), until the server closes it. */
    private static final class SlowClient {

        private final Socket socket;
        private final ByteArrayOutputStream read = new ByteArrayOutputStream();
        private final Thread reader;

        SlowClient(Socket socket) {
            this.socket = socket;
            this.reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            byte[] buffer = new byte[4096];
            try {
                InputStream in = socket.getInputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (read) {
                        read.write(buffer, 0, n);
                    }
                }
            } catch (IOException reset) {
                // the answer read so far stays
            }
        }

        void write(String text) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException closedByTheServer) {
                // what the server should do once it has answered
            }
        }

        /** What the server sent until it closed the connection; marked when it was still open after 15 s. */
        String answer() throws InterruptedException {
            reader.join(15_000);
            synchronized (read) {
                return read.toString(StandardCharsets.UTF_8) + (reader.isAlive() ? "\n<still open after 15 s>" : "");
            }
        }
    }
}
