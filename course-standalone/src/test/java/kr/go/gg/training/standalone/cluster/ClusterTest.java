package kr.go.gg.training.standalone.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every cluster test class shares: the cluster it starts in its own {@code @BeforeAll} (two command and two
 * query nodes), each test skipped with a message where no Axon Server is given, and the cluster closed after the
 * class. Test classes run one after another, so one field serves them all.
 */
abstract class ClusterTest {

    static ClusterNodes cluster;

    @BeforeEach
    void axonServerIsThere() {
        ClusterNodes.assumeRunning(cluster);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** Logs how long a fresh cluster's read side took to catch up with everything Axon Server holds. */
    static void caughtUpSince(long startNanos) {
        System.out.printf("[cluster] both query nodes caught up with Axon Server's event stream in %d ms; token owners %s%n",
                (System.nanoTime() - startNanos) / 1_000_000, cluster.tokenOwners());
    }
}
