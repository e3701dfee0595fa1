package kr.go.gg.training.standalone;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml runs real Axon Server and MongoDB with both services; no Docker engine is here to start it. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_both_services_on_real_axon_server_and_mongodb_once_they_are_healthy() throws IOException {
        Map<String, Object> services;
        try (Reader reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(reader).get("services");
        }
        assertThat(services).containsOnlyKeys("axonserver", "mongo", "course-command", "course-query");
        assertThat((String) service(services, "axonserver").get("image")).startsWith("axoniq/axonserver:");
        assertThat((String) service(services, "mongo").get("image")).startsWith("mongo:");
        services.forEach((name, definition) ->
                assertThat((Map<String, Object>) definition).as(name).containsKey("healthcheck"));

        // one instance each on 8080 and 8081 by default; a port range for several (docs/production.md)
        assertThat((List<String>) service(services, "course-command").get("ports")).containsExactly("${COURSE_COMMAND_PORTS:-8080}:8080");
        assertThat((List<String>) service(services, "course-query").get("ports")).containsExactly("${COURSE_QUERY_PORTS:-8081}:8081");
        // pinned versions, never a moving tag
        assertThat((String) service(services, "axonserver").get("image")).matches("axoniq/axonserver:\\d+\\.\\d+\\.\\d+-.*");
        assertThat((String) service(services, "mongo").get("image")).matches("mongo:\\d+\\.\\d+\\.\\d+");
        assertThat(dependencies(services, "course-command")).containsExactly(Map.entry("axonserver", "service_healthy"));
        assertThat(dependencies(services, "course-query"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("axonserver", "service_healthy", "mongo", "service_healthy"));
        for (String app : List.of("course-command", "course-query")) {
            Map<String, Object> environment = (Map<String, Object>) service(services, app).get("environment");
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "axonserver");
            assertThat(Path.of("..", (String) ((Map<String, Object>) service(services, app).get("build")).get("dockerfile"))).exists();
        }
    }

    @Test
    void debians_docker_compose_accepts_the_file() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder config = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true);
        for (String user : List.of("STAFF", "AUDITOR", "VIEWER", "ADMIN")) {
            config.environment().put("COURSE_" + user + "_PASSWORD", "{bcrypt}$2a$10$placeholder");
        }
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> services, String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependencies(Map<String, Object> services, String name) {
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(services, name).get("depends_on");
        return dependsOn.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("condition")));
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
