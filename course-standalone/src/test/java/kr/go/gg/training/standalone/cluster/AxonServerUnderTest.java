package kr.go.gg.training.standalone.cluster;

import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Axon Server the cluster tests run against, found once per JVM, in this order:
 * <ol>
 * <li>a Testcontainers {@link AxonServerContainer} (axon-test) where a Docker engine answers;</li>
 * <li>else a running Axon Server named by {@code AXONSERVER_SERVERS} (host:grpcPort) with its HTTP API at
 * {@code AXONSERVER_HTTP} (default {@code http://localhost:8024});</li>
 * <li>else none: every cluster test is skipped, saying how to run them ({@link #HOW_TO_RUN}).</li>
 * </ol>
 * Stopping and restarting it: the container itself, or the shell commands {@code AXONSERVER_STOP_COMMAND} and
 * {@code AXONSERVER_START_COMMAND}; without them the tests that need it are skipped. Each name may also be given as
 * a system property of the same name. Axon Server keeps its events across runs: tests never assume it is empty.
 */
final class AxonServerUnderTest {

    static final String HOW_TO_RUN = "No Axon Server for the cluster tests: no Docker engine for Testcontainers and"
            + " AXONSERVER_SERVERS is not set. To run them, start an Axon Server (SE 4.6+) and run e.g."
            + " AXONSERVER_SERVERS=localhost:8124 AXONSERVER_HTTP=http://localhost:8024"
            + " AXONSERVER_STOP_COMMAND=/path/to/stop-axon-server AXONSERVER_START_COMMAND=/path/to/start-axon-server"
            + " ./mvnw -B -pl course-standalone -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dit.test='*ClusterIT'";

    static final String HOW_TO_STOP = "Axon Server cannot be stopped and restarted by this run: set"
            + " AXONSERVER_STOP_COMMAND and AXONSERVER_START_COMMAND (shell commands, e.g. /path/to/stop-axon-server and"
            + " /path/to/start-axon-server), or run where Testcontainers has a Docker engine";

    enum Source { TESTCONTAINERS, ENVIRONMENT, NONE }

    private static AxonServerUnderTest instance;

    private final Source source;
    private final String servers;
    private final String http;
    private final String stopCommand;
    private final String startCommand;
    private final AxonServerContainer container;
    private volatile boolean stoppedByUs;

    private AxonServerUnderTest(Source source, String servers, String http, String stopCommand, String startCommand,
                                AxonServerContainer container) {
        this.source = source;
        this.servers = servers;
        this.http = http;
        this.stopCommand = stopCommand;
        this.startCommand = startCommand;
        this.container = container;
    }

    static synchronized AxonServerUnderTest get() {
        if (instance == null) {
            instance = find();
            System.out.println("[cluster] Axon Server: " + instance);
        }
        return instance;
    }

    boolean available() {
        return source != Source.NONE;
    }

    /** Skips the calling test (class) unless an Axon Server is there. */
    static AxonServerUnderTest assumeAvailable() {
        AxonServerUnderTest server = get();
        Assumptions.assumeTrue(server.source != Source.NONE, HOW_TO_RUN);
        server.ensureRunning();
        return server;
    }

    /** Skips the calling test unless this run may stop and restart Axon Server. */
    void assumeCanStopAndStart() {
        Assumptions.assumeTrue(canStopAndStart(), HOW_TO_STOP);
    }

    boolean canStopAndStart() {
        return source == Source.TESTCONTAINERS || (stopCommand != null && startCommand != null);
    }

    /** host:grpcPort, for {@code axon.axonserver.servers}. */
    String servers() {
        return servers;
    }

    String http() {
        return http;
    }

    private static AxonServerUnderTest find() {
        String stop = setting("AXONSERVER_STOP_COMMAND");
        String start = setting("AXONSERVER_START_COMMAND");
        if (dockerAvailable()) {
            try {
                int grpc = freePort();
                int web = freePort();
                AxonServerContainer container = new AxonServerContainer().withDevMode(true);
                // fixed host ports: a container stopped and started again keeps them, so the nodes can reconnect
                container.setPortBindings(List.of(grpc + ":8124", web + ":8024"));
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "axonserver-container-stop"));
                return new AxonServerUnderTest(Source.TESTCONTAINERS, "localhost:" + grpc, "http://localhost:" + web,
                        null, null, container);
            } catch (RuntimeException e) {
                System.out.println("[cluster] a Docker engine answered but the Axon Server container did not start ("
                        + e + "); trying AXONSERVER_SERVERS");
            }
        }
        String servers = setting("AXONSERVER_SERVERS");
        if (servers != null) {
            String http = setting("AXONSERVER_HTTP");
            return new AxonServerUnderTest(Source.ENVIRONMENT, servers, http == null ? "http://localhost:8024" : http,
                    stop, start, null);
        }
        return new AxonServerUnderTest(Source.NONE, null, null, stop, start, null);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Its HTTP health answers 200 (the server takes connections). */
    boolean healthy() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(http + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The clients with command handlers connected to it whose name does not contain {@code mine} (e.g. another
     * engineer's nodes on a shared Axon Server: SE has one context, so commands would be routed to them too), read
     * from the details of its health's {@code command} component ({@code <client>.<context>.permits}).
     */
    java.util.Set<String> foreignCommandClients(String mine) {
        java.util.Set<String> clients = new java.util.TreeSet<>();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(http + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            com.fasterxml.jackson.databind.JsonNode details = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(response.body()).path("components").path("command").path("details");
            details.fieldNames().forEachRemaining(key -> {
                int context = key.lastIndexOf(".default.");
                String client = context < 0 ? key : key.substring(0, context);
                if (!client.contains(mine)) {
                    clients.add(client);
                }
            });
        } catch (IOException | RuntimeException e) {
            // no details: nothing to say
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return clients;
    }

    /** The connected applications as its REST API lists them (diagnostics; "" if it does not answer). */
    String applications() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(http + "/v1/public/applications")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Stops it (the container, or AXONSERVER_STOP_COMMAND) and waits until its HTTP health no longer answers. */
    void stop() {
        stoppedByUs = true;
        if (container != null) {
            container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
        } else {
            run(stopCommand, "stop");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (healthy() && System.nanoTime() < deadline) {
            sleep(200);
        }
        if (healthy()) {
            throw new IllegalStateException("Axon Server still answers after the stop command");
        }
    }

    /** Starts it again (the container, or AXONSERVER_START_COMMAND) and waits (at most 180 s) until it is healthy. */
    void start() {
        if (container != null) {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        } else {
            run(startCommand, "start");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!healthy() && System.nanoTime() < deadline) {
            sleep(500);
        }
        if (!healthy()) {
            throw new IllegalStateException("Axon Server did not become healthy within 180 s of its start command");
        }
        stoppedByUs = false;
    }

    /**
     * Leaves it running: started again if a test of this run stopped it (or it is down and a start command is
     * known). A run never ends with Axon Server stopped by it.
     */
    synchronized void ensureRunning() {
        if (source == Source.NONE || healthy()) {
            return;
        }
        if (stoppedByUs || (canStopAndStart() && source == Source.ENVIRONMENT)) {
            System.out.println("[cluster] Axon Server is down; starting it again");
            start();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!healthy() && System.nanoTime() < deadline) {
            sleep(1000);
        }
        if (!healthy()) {
            throw new IllegalStateException("AXONSERVER_SERVERS=" + servers + " is set but Axon Server's health at " + http
                    + "/actuator/health does not answer 200 (set AXONSERVER_HTTP if its HTTP API is elsewhere)");
        }
    }

    private static void run(String command, String what) {
        try {
            Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
            boolean done = process.waitFor(180, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            System.out.println("[cluster] Axon Server " + what + " (" + command + "): " + output.replace('\n', ' '));
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + command + "' did not finish within 180 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("'" + command + "' exited with " + process.exitValue() + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + command + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return switch (source) {
            case TESTCONTAINERS -> "Testcontainers " + container.getDockerImageName() + " at " + servers + " / " + http;
            case ENVIRONMENT -> "AXONSERVER_SERVERS=" + servers + ", HTTP " + http + ", stop/start "
                    + (canStopAndStart() ? "commands set" : "not available");
            case NONE -> "none (" + HOW_TO_RUN + ")";
        };
    }
}
