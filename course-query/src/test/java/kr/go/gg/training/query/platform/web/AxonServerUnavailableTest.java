package kr.go.gg.training.query.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.grpc.Status;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.Optional;
import java.util.function.Supplier;
import kr.go.gg.training.query.agreement.web.AgreementQueryController;
import kr.go.gg.training.query.audit.web.AuditLogController;
import kr.go.gg.training.query.course.web.CourseQueryController;
import kr.go.gg.training.query.enrollment.web.RosterQueryController;
import kr.go.gg.training.query.pipeline.web.PipelineQueryController;
import kr.go.gg.training.query.report.web.ReportController;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queries while Axon Server is down or failing: the query bus fails the way Axon Server's connector fails it, and the
 * answer is 503 problem+json with {@code Retry-After}, never Boot's 500 nor an empty 200. The query gateway is a stand-in
 * that fails every query; the controllers and {@link QueryProblemAdvice} (under test) are the real ones, in Spring
 * MVC's real exception resolver chain.
 */
class AxonServerUnavailableTest {

    /** A gateway whose every query completes exceptionally with {@code failure} (subscriptions fail their initial result). */
    private static QueryGateway failing(Supplier<Throwable> failure) {
        return (QueryGateway) Proxy.newProxyInstance(QueryGateway.class.getClassLoader(), new Class<?>[]{QueryGateway.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "query" -> CompletableFuture.failedFuture(failure.get());
                    case "subscriptionQuery" -> subscription(failure.get());
                    case "toString" -> "failing query gateway";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SubscriptionQueryResult<Object, Object> subscription(Throwable failure) {
        return new SubscriptionQueryResult<>() {
            @Override
            public Mono<Object> initialResult() {
                return Mono.error(failure);
            }

            @Override
            public Flux<Object> updates() {
                return Flux.never();
            }

            @Override
            public boolean cancel() {
                return true;
            }
        };
    }

    private static MockMvc mvc(QueryGateway queries) {
        EventStreams streams = new EventStreams(10, java.time.Duration.ofSeconds(15));
        // the event store (JDBC here) knows the course at version 5: the wait goes to the query bus
        EventStore written = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[]{EventStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("lastSequenceNumberFor")) {
                        return Optional.of(5L);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        // no position is asked for here: nothing to read processed positions from
        ReadYourWrites readYourWrites = new ReadYourWrites(written, null, Duration.ofSeconds(2), 10);
        return MockMvcBuilders.standaloneSetup(new CourseQueryController(queries, streams, readYourWrites,
                                Duration.ofSeconds(2)),
                        new ReportController(queries, streams, readYourWrites), new AuditLogController(queries, readYourWrites),
                        new RosterQueryController(queries, readYourWrites), new PipelineQueryController(queries, readYourWrites, java.time.Clock.systemUTC()),
                        new AgreementQueryController(queries, readYourWrites))
                .setControllerAdvice(new QueryProblemAdvice())
                .build();
    }

    private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        String body = response.getContentAsString();
        assertThat(body).contains("\"status\":503").contains("\"title\":\"Service unavailable\"").contains("\"detail\":");
        assertThat(body).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w*(Exception|Error)").doesNotContain("Exception");
    }

    private static MockHttpServletResponse ask(QueryGateway queries, String path) throws Exception {
        MockMvc mvc = mvc(queries);
        MvcResult result = mvc.perform(get(path)).andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)).andReturn().getResponse()
                : result.getResponse();
    }

    @Test
    void everyQueryPathAnswers503WhenAxonServerCannotBeReached() throws Exception {
        QueryGateway down = failing(() -> new AxonServerException("AXONIQ-0001", "Axon Server unreachable"));
        for (String path : new String[]{"/api/courses", "/api/courses/c1", "/api/courses/c1/trainees",
                "/api/pipeline?year=2016", "/api/agreements", "/api/reports/yearly-performance",
                "/api/audit-log?from=2024-03-01&to=2024-03-02", "/api/courses/c1?minVersion=3"}) {
            assertUnavailable(ask(down, path));
        }
    }

    @Test
    void theEventStreamsAnswer503BeforeTheyOpenWhenAxonServerCannotBeReached() throws Exception {
        QueryGateway down = failing(() -> new AxonServerException("AXONIQ-0001", "Axon Server unreachable"));

        assertUnavailable(ask(down, "/api/courses/c1/stream"));
        assertUnavailable(ask(down, "/api/reports/yearly-performance/stream"));
    }

    /** What Axon Server's connector throws when a subscription query is opened while the server is away. */
    private static QueryGateway subscriptionsRefusedByGrpc() {
        return (QueryGateway) Proxy.newProxyInstance(QueryGateway.class.getClassLoader(), new Class<?>[]{QueryGateway.class},
                (proxy, method, args) -> {
                    IllegalStateException closed = new IllegalStateException("Stream is already completed, no further calls are allowed");
                    closed.setStackTrace(new StackTraceElement[]{
                            new StackTraceElement("com.google.common.base.Preconditions", "checkState", "Preconditions.java", 513),
                            new StackTraceElement("io.grpc.stub.ClientCalls$CallToStreamObserverAdapter", "onNext", "ClientCalls.java", 467)});
                    throw closed;
                });
    }

    @Test
    void aSubscriptionQueryRefusedByTheGrpcStreamIs503Too() throws Exception {
        assertUnavailable(ask(subscriptionsRefusedByGrpc(), "/api/reports/yearly-performance/stream"));
        assertUnavailable(ask(subscriptionsRefusedByGrpc(), "/api/courses/c1/stream"));
        assertUnavailable(ask(subscriptionsRefusedByGrpc(), "/api/courses/c1?minVersion=2"));
    }

    @Test
    void aConnectionToAxonServerResetMidQueryIs503NotAnEmpty200() throws Exception {
        // Spring MVC takes an exception rooted in "connection reset by peer" for a client that went away
        QueryGateway reset = failing(() -> new AxonServerException("AXONIQ-0001", "Connection lost",
                new IOException("Connection reset by peer")));

        assertUnavailable(ask(reset, "/api/courses"));
        assertUnavailable(ask(reset, "/api/reports/yearly-performance/stream"));
    }

    @Test
    void grpcUnavailableNoHandlerAndDispatchFailuresAre503Too() throws Exception {
        assertUnavailable(ask(failing(() -> Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()),
                "/api/agreements"));
        assertUnavailable(ask(failing(() -> new NoHandlerForQueryException("No handler for FindCourses")), "/api/courses"));
        assertUnavailable(ask(failing(() -> new AxonServerQueryDispatchException("AXONIQ-5002", "dispatch failed")),
                "/api/courses/c1"));
        assertUnavailable(ask(failing(() -> new CompletionException(
                new ExecutionException(new AxonServerException("AXONIQ-0001", "nested")))), "/api/courses"));
    }
}
