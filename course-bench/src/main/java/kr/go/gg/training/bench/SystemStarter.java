package kr.go.gg.training.bench;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Starts the system under test in the shape the options ask for: the embedded default, or the production shape
 * against Axon Server with the read models in a wire server the bench starts ({@link BenchMongo}).
 */
final class SystemStarter {

    private final BenchOptions options;
    /** This run's client id at Axon Server, unique per run. */
    private final String clientId = "course-bench-" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    /** The password of user staff under axonserver (the profile refuses the documented local ones). */
    private final String axonServerStaffPassword = "bench-" + UUID.randomUUID();
    /** The read models' wire server under axonserver while the system runs; null otherwise. */
    private BenchMongo mongo;

    SystemStarter(BenchOptions options) {
        this.options = options;
    }

    String clientId() {
        return clientId;
    }

    /** The password of user staff in the system's shape. */
    String staffPassword() {
        return options.onAxonServer() ? axonServerStaffPassword : "staff-pass";
    }

    /** Starts the system on {@code dir}; {@link #stopMongo()} after the system has stopped. */
    SystemUnderTest start(Path dir) {
        if (!options.onAxonServer()) {
            return SystemUnderTest.start(dir, options.fixes());
        }
        mongo = BenchMongo.start(dir);
        try {
            return SystemUnderTest.start(dir, options.fixes(), new SystemUnderTest.AxonServerTarget(
                    options.axonServer(), clientId, mongo.uri(), axonServerStaffPassword));
        } catch (RuntimeException e) {
            stopMongo();
            throw e;
        }
    }

    /** After the system has stopped: the wire server shuts down and compacts its file (as the embedded default's does). */
    void stopMongo() {
        if (mongo != null) {
            try {
                mongo.close();
            } finally {
                mongo = null;
            }
        }
    }
}
