package kr.go.gg.training.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line the system under test starts with: the highest precedence, over any application.yml of the
 * modules on the class path. The data folder, a random loopback port, quiet logs, and the shape's profile.
 */
final class SystemArguments {

    private static final List<String> COMMON = List.of(
            "--spring.data.mongodb.database=" + BenchMongo.DATABASE,
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--spring.main.banner-mode=off",
            "--spring.jmx.enabled=false",
            "--axoniq.update-checker.disabled=true",
            "--logging.level.root=WARN",
            "--logging.level.kr.go.gg.training=WARN",
            "--logging.level.org.axonframework=WARN",
            "--logging.level.org.springframework=WARN",
            "--logging.level.de.bwaldvogel=WARN",
            // the wire server logs a dropped missing collection (a reset handler's drop) as an ERROR
            "--logging.level.de.bwaldvogel.mongo.wire.MongoWireProtocolHandler=OFF",
            "--logging.level.org.mongodb.driver=WARN");

    private static final List<String> EMBEDDED_DEFAULT = List.of(
            "--spring.profiles.active=standalone",
            "--course.mongo.embedded=true",
            "--course.mongo.persistent=true");

    private SystemArguments() {
    }

    /** @param axonServer null: the embedded default */
    static String[] of(Path dataDir, Set<String> fixes, SystemUnderTest.AxonServerTarget axonServer) {
        List<String> all = new ArrayList<>();
        all.add("--course.data-dir=" + dataDir.toAbsolutePath().toString().replace('\\', '/'));
        all.addAll(COMMON);
        all.addAll(axonServer == null ? EMBEDDED_DEFAULT : productionShape(axonServer));
        fixes.forEach(fix -> all.add("--bench.fix." + fix + "=true"));
        if (fixes.contains("no-metrics")) {
            // Axon's per-message Micrometer monitors (a timer looked up per message and handler) switched off
            all.add("--axon.metrics.auto-configuration.enabled=false");
        }
        return all.toArray(String[]::new);
    }

    private static List<String> productionShape(SystemUnderTest.AxonServerTarget axonServer) {
        return List.of(
                "--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=" + axonServer.servers(),
                "--axon.axonserver.client-id=" + axonServer.clientId(),
                "--axon.axonserver.component-name=course-bench",
                "--course.mongo.embedded=false",
                "--spring.data.mongodb.uri=" + axonServer.mongoUri(),
                "--course.security.users.staff.password={noop}" + axonServer.staffPassword(),
                "--course.security.users.staff.role=STAFF",
                // the connector's INFO lines (connection, processor instructions) stay out of the bench's output
                "--logging.level.io.axoniq=WARN",
                // course-command's agreement follower, interrupted when the system stops, logs that as a WARN
                "--logging.level.org.axonframework.axonserver.connector.event.axon.EventBuffer=ERROR");
    }
}
