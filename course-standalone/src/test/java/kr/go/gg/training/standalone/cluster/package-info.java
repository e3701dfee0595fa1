/**
 * Cluster tests (*ClusterIT, run by failsafe): the production shape in one JVM, two command nodes and two query
 * nodes (one Spring context each, profile {@code axonserver}) on a real Axon Server and one shared MongoDB
 * (mongo-java-server, in memory). {@link kr.go.gg.training.standalone.cluster.ClusterNodes} starts and stops the
 * nodes; {@link kr.go.gg.training.standalone.cluster.AxonServerUnderTest} finds the Axon Server (Testcontainers where
 * a Docker engine answers, else {@code AXONSERVER_SERVERS} / {@code AXONSERVER_HTTP}, else every test is skipped) and
 * stops and restarts it ({@code AXONSERVER_STOP_COMMAND} / {@code AXONSERVER_START_COMMAND}, else those tests skip).
 * <pre>
 * AXONSERVER_SERVERS=localhost:8124 AXONSERVER_HTTP=http://localhost:8024 \
 * AXONSERVER_STOP_COMMAND=/path/to/stop-axon-server AXONSERVER_START_COMMAND=/path/to/start-axon-server \
 * ./mvnw -B -pl course-standalone -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='*ClusterIT'
 * </pre>
 * Axon Server keeps its events across runs and SE has one context: the tests filter by their own run's ids and
 * titles, and wait (CLUSTER_FOREIGN_WAIT seconds, default 60) for other command handlers connected to the same
 * server to leave. Measured figures are printed as lines starting with {@code [cluster]}.
 */
package kr.go.gg.training.standalone.cluster;
