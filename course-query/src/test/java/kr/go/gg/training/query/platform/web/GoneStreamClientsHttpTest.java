package kr.go.gg.training.query.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A stream whose client went away without a word is found by the next keep-alive, whose write fails, and ends:
 * its place among {@code course.query.max-streams} is free again and its request no longer counts as in progress
 * (Spring ignores a completion after a failed send and waits for the container to report the error, which Tomcat did
 * not do for a write from another thread: the request stayed open, and a graceful shutdown waited for it).
 */
@TestPropertySource(properties = {"course.query.max-streams=2", "course.query.stream-keep-alive=200ms"})
class GoneStreamClientsHttpTest extends QueryApplicationTest {

    @Test
    void streams_whose_clients_went_away_free_their_places_at_the_next_keep_alive() throws Exception {
        for (int i = 0; i < 5; i++) {
            // opened, its first bytes read, then the socket closed: each time, once the places free up
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(openAndDrop()).as("the status line of a new stream").startsWith("HTTP/1.1 200"));
        }
    }

    /** The status line of a stream opened on a socket of its own, which is closed once the answer has begun. */
    private String openAndDrop() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /api/reports/yearly-performance/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: " + basic("viewer") + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            return new String(head, 0, read, StandardCharsets.ISO_8859_1);
        }
    }
}
