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
    static ClusterApi command1;
    static ClusterApi command2;
    static ClusterApi query1;
    static ClusterApi query2;

    /**
     * Starts two command and two query nodes (each query node also with {@code querySources}) where an Axon Server
     * is there and names their clients; false where none is (every test then skips).
     */
    static boolean startTwoAndTwo(Class<?>... querySources) {
        cluster = ClusterNodes.startIfAvailable(2, 2, querySources);
        if (cluster == null) {
            return false;
        }
        command1 = cluster.api("command-1");
        command2 = cluster.api("command-2");
        query1 = cluster.api("query-1");
        query2 = cluster.api("query-2");
        return true;
    }

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
