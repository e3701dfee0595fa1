package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** A real HTTP client for the HTTP contract (docs/api.md), as an outside client would use it. */
final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Answer post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Status and content type only, read as soon as the headers arrive (works for event streams too). */
    Answer head(String user, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        authorise(user, request);
        try {
            HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with the given user name and password as they are (no case folding, no trimming). */
    Answer getAs(String user, String password, String path) {
        return send(null, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password)).GET());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Raw(int status, String head, String body) {
        /** The answer's header value, by lower-case name; "" when absent. */
        String header(String name) {
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":")).findFirst()
                    .map(line -> line.substring(name.length() + 1).trim()).orElse("");
        }

        /** The JSON object of the body (a chunked body's size lines dropped). */
        JsonNode json() {
            int start = body.indexOf('{');
            try {
                return JSON.readTree(start < 0 ? body : body.substring(start, body.lastIndexOf('}') + 1));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * A request written byte for byte (ISO-8859-1) on its own socket, what HttpClient refuses to send: malformed request
     * lines, characters not allowed in a path, control characters in a header. The answer is read until the server
     * closes (the request says {@code Connection: close}).
     */
    Raw raw(String request) {
        try (Socket socket = new Socket("localhost", Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, end < 0 ? "" : answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void authorise(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", basic(user, user + "-pass"));
        }
    }

    private Answer send(String user, HttpRequest.Builder request) {
        authorise(user, request);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
