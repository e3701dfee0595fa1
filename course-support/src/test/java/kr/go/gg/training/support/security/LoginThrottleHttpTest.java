package kr.go.gg.training.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Wrong passwords over real HTTP: throttled per user name and per client address (each client its own loopback
 * address, 127.0.0.x), 429 problem+json with {@code Retry-After}, and no password check while throttled: Spring
 * Security's own bad-credentials events count the checks that were made.
 */
@SpringBootTest(classes = LoginThrottleHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"course.security.login-throttle.per-user=5", "course.security.login-throttle.per-address=8",
                "course.security.login-throttle.window=1m", "spring.datasource.url=jdbc:h2:mem:throttle"})
class LoginThrottleHttpTest {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode("right-secret-1");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Ping ping() {
            return new Ping();
        }

        @Bean
        PasswordChecks passwordChecks() {
            return new PasswordChecks();
        }
    }

    @RestController
    static class Ping {
        @GetMapping("/ping")
        String ping() {
            return "pong";
        }
    }

    /** Wrong passwords actually checked (a throttled login raises no such event: it is never checked). */
    static class PasswordChecks {
        final AtomicInteger wrong = new AtomicInteger();

        @EventListener
        void on(AuthenticationFailureBadCredentialsEvent event) {
            wrong.incrementAndGet();
        }
    }

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        for (String user : List.of("carol", "dave", "erin")) {
            registry.add("course.security.users." + user + ".password", () -> HASH);
            registry.add("course.security.users." + user + ".role", () -> "STAFF");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    PasswordChecks checks;

    record Answer(int status, String text) {
        String header(String name) {
            return text.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1)).findFirst()
                    .map(line -> line.substring(name.length() + 1).trim()).orElse("");
        }
    }

    /** GET /ping as user:password from the given local address. */
    Answer get(String from, String user, String password) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(20_000);
            String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /ping HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(text.split(" ")[1]), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_user_name_is_throttled_after_its_failures_from_any_address() {
        for (int i = 0; i < 5; i++) {
            assertThat(get("127.0.0." + (10 + i), "carol", "guess-" + i).status()).isEqualTo(401);
        }
        int checked = checks.wrong.get();

        Answer throttled = get("127.0.0.15", "carol", "right-secret-1");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
        assertThat(checks.wrong.get()).isEqualTo(checked);
        assertThat(get("127.0.0.15", "erin", "right-secret-1").status()).isEqualTo(200);
    }

    @Test
    void an_address_is_throttled_after_its_failures_whatever_names_it_tries() {
        for (int i = 0; i < 8; i++) {
            assertThat(get("127.0.0.20", "name-" + i, "guess").status()).isEqualTo(401);
        }

        assertThat(get("127.0.0.20", "dave", "right-secret-1").status()).isEqualTo(429);
        assertThat(get("127.0.0.21", "dave", "right-secret-1").status()).isEqualTo(200);
    }

    @Test
    void a_flood_from_one_address_costs_a_few_password_checks_and_other_users_keep_their_answers() throws Exception {
        int before = checks.wrong.get();
        ExecutorService flood = Executors.newFixedThreadPool(16);
        List<Future<Answer>> guesses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String name = "flood-" + i;
            guesses.add(flood.submit(() -> get("127.0.0.30", name, "guess")));
        }
        long slowest = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(get("127.0.0.1", "erin", "right-secret-1").status()).isEqualTo(200);
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        int throttled = 0;
        for (Future<Answer> guess : guesses) {
            int status = guess.get().status();
            assertThat(status).isIn(401, 429);
            throttled += status == 429 ? 1 : 0;
        }
        flood.shutdown();

        // 8 checks, plus at most one per flood thread that passed the check while the 8th was being made
        assertThat(checks.wrong.get() - before).isBetween(8, 8 + 16);
        assertThat(throttled).isGreaterThanOrEqualTo(400 - 8 - 16);
        // generous: a bcrypt check is ~0.1 s of CPU; 400 unthrottled checks on two cores would be ~20 s
        assertThat(slowest).isLessThan(5_000_000_000L);
    }
}
