package kr.go.gg.training.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone jar is killed with SIGKILL in the middle of a stream of acknowledged commands and started again
 * on the same data folder: every acknowledged command is still there, and the read model catches up to it.
 */
class CrashSafetyIT {

    static final Path JAR = Path.of("target", "course-standalone.jar");
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void nothing_acknowledged_is_lost_to_kill_minus_nine() throws Exception {
        assertThat(JAR).as("run after `package`").exists();
        Path dataDir = Files.createTempDirectory("course-crash-test");
        int port = freePort();
        HttpApi api = new HttpApi(port);

        process = start(dataDir, port);
        awaitUp(api);

        // courseId -> the last acknowledged status
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpApi.Answer proposed = api.post("staff", "/api/courses",
                            "{\"title\":\"Crash\",\"program\":\"KOICA\",\"direction\":\"INBOUND\",\"partner\":\"Peru\",\"capacity\":5}");
                    if (proposed.status() != 201) {
                        continue;
                    }
                    String id = proposed.json().get("courseId").asText();
                    acknowledged.put(id, "PROPOSED");
                    if (api.post("staff", "/api/courses/" + id + "/demand-survey", "{\"surveyedOn\":\"2018-04-02\"}").status() == 204) {
                        acknowledged.put(id, "DEMAND_SURVEYED");
                    }
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
        process.destroyForcibly().waitFor();
        running.set(false);
        writer.join(10_000);
        assertThat(acknowledged).isNotEmpty();

        process = start(dataDir, port);
        awaitUp(api);

        for (Map.Entry<String, String> course : acknowledged.entrySet()) {
            String path = "/api/courses/" + course.getKey();
            List<String> atLeast = course.getValue().equals("PROPOSED")
                    ? List.of("PROPOSED", "DEMAND_SURVEYED") : List.of("DEMAND_SURVEYED");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpApi.Answer read = api.get("staff", path);
                assertThat(read.status()).as(path).isEqualTo(200);
                assertThat(read.json().get("status").asText()).as(path).isIn(atLeast);
            });
        }
    }

    /** The jar as the README runs it, its console in {@code console.log} of the data folder. */
    static Process start(Path dataDir, int port, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString(), "--server.port=" + port,
                "--course.data-dir=" + dataDir, "--course.mongo.port=0"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("console.log").toFile())
                .start();
    }

    static void awaitUp(HttpApi api) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get(null, "/actuator/health").status() == 200);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
