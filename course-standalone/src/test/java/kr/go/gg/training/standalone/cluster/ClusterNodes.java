package kr.go.gg.training.standalone.cluster;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import kr.go.gg.training.command.CourseCommandApplication;
import kr.go.gg.training.query.CourseQueryApplication;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The production shape in one JVM: command nodes (course-command) and query nodes (course-query), each its own
 * Spring application context with profile {@code axonserver}, all connected to one Axon Server
 * ({@link AxonServerUnderTest}), each with its own {@code axon.axonserver.client-id} and data folder; the query
 * nodes share one MongoDB (an in-memory mongo-java-server on a random port, a fresh database per cluster), as the
 * query nodes of a deployment share their MongoDB. Users are the four roles with passwords generated for this run
 * (bcrypt hashes in the configuration: the axonserver profile refuses the documented local passwords).
 * <p>
 * Settings are passed as {@code --key=value} arguments: {@code SpringApplicationBuilder.properties()} has the lowest
 * precedence and would lose to the modules' yml files.
 */
final class ClusterNodes implements AutoCloseable {

    /** The test users (docs/api.md's roles) and their passwords, generated once per JVM, never the documented ones. */
    static final Map<String, String> PASSWORDS = passwords();
    private static final Map<String, String> ROLES = Map.of("staff", "STAFF", "auditor", "AUDITOR", "viewer", "VIEWER",
            "admin", "ADMIN");
    private static final List<String> USER_ARGUMENTS = userArguments();
    /**
     * CLUSTER_SHARED_TOKEN_OWNER=true: the query nodes keep the module's token store as it is, whose claim owner is
     * the JVM's name, the same for every query node of this JVM (see {@link DistinctTokenOwner}).
     */
    static final boolean SHARED_TOKEN_OWNER = Boolean.parseBoolean(System.getenv("CLUSTER_SHARED_TOKEN_OWNER"));

    /** Telling this cluster's ids, titles and client ids apart from every earlier run's on the same Axon Server. */
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AxonServerUnderTest axonServer;
    private final MongoServer mongo;
    private final int mongoPort;
    final String mongoDatabase = "course-" + run;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Further sources of every query node (a test's own handlers), beside the module's application. */
    private final List<Class<?>> querySources = new ArrayList<>();

    enum Kind { COMMAND, QUERY }

    /** One node: its context (null once closed), its HTTP client, its data folder. */
    static final class Node {
        final String name;
        final Kind kind;
        final String clientId;
        final Path dataDir;
        final ClusterApi api;
        private volatile ConfigurableApplicationContext context;

        private Node(String name, Kind kind, String clientId, Path dataDir, ConfigurableApplicationContext context) {
            this.name = name;
            this.kind = kind;
            this.clientId = clientId;
            this.dataDir = dataDir;
            this.context = context;
            this.api = new ClusterApi(name, ((WebServerApplicationContext) context).getWebServer().getPort(), PASSWORDS);
        }

        boolean running() {
            return context != null;
        }

        ConfigurableApplicationContext context() {
            return context;
        }

        /** Closes its context (graceful shutdown: it leaves Axon Server and releases its claims). */
        synchronized void close() {
            if (context != null) {
                long start = System.nanoTime();
                context.close();
                context = null;
                System.out.printf("[cluster] %s closed in %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ClusterNodes(AxonServerUnderTest axonServer) {
        this.axonServer = axonServer;
        this.mongo = new MongoServer(new MemoryBackend());
        this.mongo.bind("127.0.0.1", 0);
        this.mongoPort = mongo.getLocalAddress().getPort();
    }

    /**
     * Skips the calling test class unless an Axon Server is there (see {@link AxonServerUnderTest}), then starts
     * the nodes named {@code command-1..commandNodes} and {@code query-1..queryNodes} and waits until every query
     * node's read models follow the event stream.
     */
    static ClusterNodes start(int commandNodes, int queryNodes) {
        ClusterNodes cluster = new ClusterNodes(AxonServerUnderTest.assumeAvailable());
        return cluster.started(commandNodes, queryNodes);
    }

    /** As {@link #start} where an Axon Server is there; else null (each test then skips: {@link #assumeRunning}). */
    static ClusterNodes startIfAvailable(int commandNodes, int queryNodes) {
        return AxonServerUnderTest.get().available() ? start(commandNodes, queryNodes) : null;
    }

    /** As {@link #startIfAvailable}, each query node also started with {@code querySources} (test handlers). */
    static ClusterNodes startIfAvailable(int commandNodes, int queryNodes, Class<?>... querySources) {
        if (!AxonServerUnderTest.get().available()) {
            return null;
        }
        ClusterNodes cluster = new ClusterNodes(AxonServerUnderTest.get());
        cluster.querySources.addAll(List.of(querySources));
        return cluster.started(commandNodes, queryNodes);
    }

    /** Skips the calling test, saying how to run it, unless its cluster runs. */
    static void assumeRunning(ClusterNodes cluster) {
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster != null, AxonServerUnderTest.HOW_TO_RUN);
    }

    private ClusterNodes started(int commandNodes, int queryNodes) {
        ClusterNodes cluster = this;
        awaitNoForeignCommandHandlers();
        try {
            long start = System.nanoTime();
            for (int i = 1; i <= commandNodes; i++) {
                cluster.startCommandNode("command-" + i);
            }
            for (int i = 1; i <= queryNodes; i++) {
                cluster.startQueryNode("query-" + i);
            }
            System.out.printf("[cluster] %d command and %d query nodes started in %d ms (run %s, MongoDB :%d/%s)%n",
                    commandNodes, queryNodes, (System.nanoTime() - start) / 1_000_000, cluster.run, cluster.mongoPort,
                    cluster.mongoDatabase);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Axon Server SE has one context: command nodes of another run or another engineer connected to it would get
     * some of this cluster's commands (consistent hashing over every handler). Waits up to
     * {@code CLUSTER_FOREIGN_WAIT} seconds (default 60) for them to leave, then goes on with a warning.
     */
    private void awaitNoForeignCommandHandlers() {
        String wait = System.getenv().getOrDefault("CLUSTER_FOREIGN_WAIT", "60");
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(wait)).toNanos();
        java.util.Set<String> foreign = axonServer.foreignCommandClients(run);
        if (!foreign.isEmpty()) {
            System.out.println("[cluster] other command handlers are connected to Axon Server: " + foreign
                    + "; waiting up to " + wait + " s for them to leave");
        }
        while (!foreign.isEmpty() && System.nanoTime() < deadline) {
            AxonServerUnderTest.sleep(2_000);
            foreign = axonServer.foreignCommandClients(run);
        }
        if (!foreign.isEmpty()) {
            System.out.println("[cluster] WARNING: command handlers of others are still connected: " + foreign
                    + ". Some of this run's commands will be handled by them: results may not be this code's.");
        }
    }

    Node startCommandNode(String name) {
        String clientId = name + "-" + run;
        Path dataDir = dataDir(name);
        List<String> args = nodeArguments(clientId, dataDir, CourseCommandApplication.class, "course-command", keyStore());
        return started(name, Kind.COMMAND, clientId, dataDir,
                new SpringApplicationBuilder(CourseCommandApplication.class).profiles("axonserver"), args);
    }

    Node startQueryNode(String name) {
        String clientId = name + "-" + run;
        Path dataDir = dataDir(name);
        List<String> args = nodeArguments(clientId, dataDir, CourseQueryApplication.class, "course-query", List.of(
                // the axonserver profile reads MONGODB_URI into spring.data.mongodb.uri; the read models' database
                // is the one it names (an explicit spring.data.mongodb.database would win: the same name is given)
                "--spring.data.mongodb.uri=mongodb://localhost:" + mongoPort + "/" + mongoDatabase,
                "--spring.data.mongodb.database=" + mongoDatabase, keyStore().get(0), keyStore().get(1)));
        List<Class<?>> sources = new ArrayList<>(List.of(CourseQueryApplication.class));
        if (!SHARED_TOKEN_OWNER) {
            sources.add(DistinctTokenOwner.class);
        }
        sources.addAll(querySources);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new));
        return started(name, Kind.QUERY, clientId, dataDir, builder.profiles("axonserver"), args);
    }

    /** The personal-data key store every command and query node shares: this cluster's own database (docs/privacy.md). */
    private List<String> keyStore() {
        return List.of("--course.privacy.keys.uri=mongodb://localhost:" + mongoPort + "/" + mongoDatabase,
                "--course.privacy.keys.database=" + mongoDatabase + "-keys");
    }

    /** What every node is started with: its own port, client id and data folder, and its module's own settings. */
    private List<String> nodeArguments(String clientId, Path dataDir, Class<?> application, String module,
                                       List<String> moduleArguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.application.name=" + module,
                "--axon.axonserver.servers=" + axonServer.servers(),
                "--axon.axonserver.client-id=" + clientId,
                "--course.data-dir=" + dataDir,
                "--spring.config.location=" + ownApplicationYml(application, module + ".yml")));
        args.addAll(moduleArguments);
        args.addAll(commonArguments());
        return args;
    }

    private Node started(String name, Kind kind, String clientId, Path dataDir, SpringApplicationBuilder builder,
                         List<String> args) {
        if (nodes.containsKey(name) && nodes.get(name).running()) {
            throw new IllegalStateException(name + " is running already");
        }
        long start = System.nanoTime();
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        Node node = new Node(name, kind, clientId, dataDir, context);
        nodes.put(name, node);
        System.out.printf("[cluster] %s (%s) started in %d ms%n", name, clientId, (System.nanoTime() - start) / 1_000_000);
        return node;
    }

    /**
     * The application.yml of the module that holds {@code application} (its jar or classes folder), as the module's
     * own jar would read it. On this test classpath {@code classpath:application.yml} is course-standalone's, which
     * imports BOTH modules' settings: under the axonserver profile the query side's (no DataSource, AXON_SERVERS)
     * would apply to the command nodes too. Falls back to the module's settings file alone.
     */
    static String ownApplicationYml(Class<?> application, String settings) {
        try {
            java.net.URL source = application.getProtectionDomain().getCodeSource().getLocation();
            Path location = Path.of(source.toURI());
            if (Files.isDirectory(location) && Files.exists(location.resolve("application.yml"))) {
                return location.resolve("application.yml").toUri().toString();
            }
            if (Files.isRegularFile(location)) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(location.toFile())) {
                    if (jar.getEntry("application.yml") != null) {
                        return "jar:" + location.toUri() + "!/application.yml";
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("[cluster] cannot locate the application.yml of " + application.getSimpleName() + ": " + e);
        }
        return "classpath:" + settings;
    }

    private static List<String> commonArguments() {
        List<String> args = new ArrayList<>(USER_ARGUMENTS);
        args.add("--spring.main.banner-mode=off");
        // five applications log into one console: warnings and errors only, plus the modules' own info lines
        args.add("--logging.level.root=WARN");
        args.add("--logging.level.kr.go.gg.training=INFO");
        return args;
    }

    Node node(String name) {
        Node node = nodes.get(name);
        if (node == null || !node.running()) {
            throw new IllegalStateException(name + " is not running");
        }
        return node;
    }

    ClusterApi api(String name) {
        return node(name).api;
    }

    List<Node> running(Kind kind) {
        return nodes.values().stream().filter(n -> n.kind == kind && n.running()).toList();
    }

    /** Reads the shared MongoDB of the read models (the test's own checks beside the HTTP answers). */
    <T> T readModels(java.util.function.Function<com.mongodb.client.MongoDatabase, T> read) {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            return read.apply(client.getDatabase(mongoDatabase));
        }
    }

    /** The owner recorded on the read-model processor's token(s) in the shared MongoDB (diagnostics). */
    List<String> tokenOwners() {
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + mongoPort)) {
            List<String> owners = new ArrayList<>();
            for (Document token : client.getDatabase(mongoDatabase).getCollection("trackingtokens").find()) {
                owners.add(token.getString("processorName") + "/" + token.get("segment") + " owner=" + token.get("owner"));
            }
            return owners;
        } catch (RuntimeException e) {
            return List.of("unreadable: " + e);
        }
    }

    @Override
    public void close() {
        List<Node> open = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(open);
        for (Node node : open) {
            try {
                node.close();
            } catch (RuntimeException e) {
                System.out.println("[cluster] closing " + node + " failed: " + e);
            }
        }
        mongo.shutdownNow();
        if (axonServer != null) {
            axonServer.ensureRunning();
        }
    }

    private Path dataDir(String name) {
        try {
            return Files.createTempDirectory("course-cluster-" + run + "-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> passwords() {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of("staff", "auditor", "viewer", "admin")) {
            byte[] secret = new byte[12];
            random.nextBytes(secret);
            passwords.put(user, "cluster-test-" + HexFormat.of().formatHex(secret));
        }
        return Map.copyOf(passwords);
    }

    private static List<String> userArguments() {
        // cost 6 instead of 10: hashing is a start-up cost paid per node, and the modules cache successful checks
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(6);
        List<String> args = new ArrayList<>();
        PASSWORDS.forEach((user, password) -> {
            args.add("--course.security.users." + user + ".password={bcrypt}" + bcrypt.encode(password));
            args.add("--course.security.users." + user + ".role=" + ROLES.get(user));
        });
        return List.copyOf(args);
    }

    /** Waits up to {@code timeout}, polling every 100 ms; false if the condition never held. */
    static boolean within(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            AxonServerUnderTest.sleep(100);
        } while (System.nanoTime() < deadline);
        return condition.getAsBoolean();
    }
}
