package kr.go.gg.training.standalone.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real HTTP client (java.net.http) for the HTTP contract (docs/api.md) against one node of the cluster. It is the
 * standalone tests' {@code HttpApi} with what the cluster tests need beside it: the cluster's own (generated)
 * passwords instead of the documented local ones, request headers (Idempotency-Key), the answer's headers
 * (Retry-After, Idempotent-Replayed, X-Course-Version) and a bound on every request, so that a node that hangs
 * fails the test instead of holding it. ({@code HttpApi} is package-private in the standalone package.)
 */
final class ClusterApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Longer than the query side's ?minVersion wait (10 s) and Axon's command timeouts, shorter than a hang. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);

    private final String name;
    private final String base;
    private final Map<String, String> passwords;

    ClusterApi(String name, int port, Map<String, String> passwords) {
        this.name = name;
        this.base = "http://localhost:" + port;
        this.passwords = passwords;
    }

    String name() {
        return name;
    }

    /** One HTTP answer; {@code status} -1 when the request timed out or the connection failed (see body). */
    record Answer(String node, String method, String path, int status, Map<String, List<String>> headers, String body,
                  long millis) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + this + ")", e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The course version a command answered with (X-Course-Version), or -1. */
        long courseVersion() {
            return header("X-Course-Version").map(Long::parseLong).orElse(-1L);
        }

        boolean replayed() {
            return header("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
        }

        /** For assertion messages: everything a reader of a failed test needs, bodies cut at 600 characters. */
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
            Map<String, String> interesting = new LinkedHashMap<>();
            for (String h : List.of("Content-Type", "Retry-After", "Idempotent-Replayed", "X-Course-Version", "Location")) {
                header(h).ifPresent(v -> interesting.put(h, v));
            }
            return method + " " + path + " via " + node + " -> " + status + " " + interesting + " " + shown
                    + " (" + millis + " ms)";
        }
    }

    Answer post(String user, String path, String json) {
        return post(user, path, json, Map.of());
    }

    Answer post(String user, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(user, "POST", path, request);
    }

    Answer get(String user, String path) {
        return send(user, "GET", path, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Answer send(String user, String method, String path, HttpRequest.Builder request) {
        if (user != null) {
            String password = passwords.get(user);
            if (password == null) {
                throw new IllegalArgumentException("no such test user: " + user);
            }
            String credentials = user + ":" + password;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        request.timeout(REQUEST_TIMEOUT);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(name, method, path, response.statusCode(), response.headers().map(), response.body(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (HttpTimeoutException e) {
            return new Answer(name, method, path, -1, Map.of(), "timed out after " + REQUEST_TIMEOUT + ": " + e,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Answer(name, method, path, -1, Map.of(), "no answer: " + e, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
