package kr.go.gg.training.query.platform.web;

import kr.go.gg.training.support.errors.Problems;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import io.grpc.StatusRuntimeException;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.TooManyRequests;
import kr.go.gg.training.api.ReadModelNotReady;
import kr.go.gg.training.api.ReadModelsUnavailable;
import kr.go.gg.training.support.json.ValueKinds;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** problem+json (RFC 9457) for this module's controllers only; bad input names its field in {@code errors}. */
@RestControllerAdvice(basePackages = "kr.go.gg.training.query")
public class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(QueryProblemAdvice.class);

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        String message = e.getMessage();
        // the field is named beside the message, as the command side writes it
        return badRequest(message, e.field(), message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.getStatusCode());
        if (e.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }

    /**
     * The query bus wraps what a handler threw, and how the bus failed. Answered here, never rethrown, when Axon Server
     * failed: Spring MVC takes an exception whose root says "connection reset by peer" (a gRPC connection to Axon
     * Server that died) for a client that went away and writes no answer at all (a 200 with an empty body).
     */
    @ExceptionHandler({CompletionException.class, ExecutionException.class})
    ResponseEntity<Object> unwrap(Exception e) throws Exception {
        if (e.getCause() instanceof InvalidValueException invalid) {
            return ResponseEntity.badRequest().body(invalid(invalid));
        }
        if (e.getCause() instanceof TooManyRequests busy) {
            return busy(busy);
        }
        if (ReadModelNotReady.causedBy(e)) {
            return notReady();
        }
        if (ReadModelsUnavailable.causedBy(e)) {
            return readModelsUnavailable(e);
        }
        if (AxonServerUnavailable.causedBy(e) || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a future of the query bus never wrote to this request's client: a dead connection in it is Axon Server's
            return unavailable(e);
        }
        throw e;
    }

    /** A node at its limit of such queries (read models as of an instant): 429, retry shortly. */
    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Object> busy(TooManyRequests e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A read model's first build for a new layout has not caught up: 503, never a half-built answer. */
    @ExceptionHandler(ReadModelNotReady.class)
    ResponseEntity<Object> notReady() {
        return serviceUnavailable("Read model not ready", "The read model that answers this query is being rebuilt for"
                + " a new version and is not complete yet. Retry after Retry-After seconds.",
                NOT_READY_RETRY_AFTER_SECONDS);
    }

    /** A rebuild takes seconds to minutes (docs/benchmarks.md). */
    static final String NOT_READY_RETRY_AFTER_SECONDS = "5";

    /** Axon Server down, failing, or no node to answer the query; also when thrown directly (subscription queries). */
    @ExceptionHandler({AxonServerException.class, AxonServerQueryDispatchException.class,
            NoHandlerForQueryException.class, StatusRuntimeException.class, IllegalStateException.class})
    ResponseEntity<Object> axonServer(RuntimeException e) {
        if (ReadModelNotReady.causedBy(e)) {
            return notReady();
        }
        if (!AxonServerUnavailable.causedBy(e)) {
            throw e; // a gRPC status other than UNAVAILABLE, an IllegalStateException not of the connector
        }
        return unavailable(e);
    }

    /** MongoDB cannot be reached (no server within the selection timeout, a connection that broke): 503, retry. */
    @ExceptionHandler(ReadModelsUnavailable.class)
    ResponseEntity<Object> readModelsUnavailable(Exception e) {
        log.warn("Query not answered, the read models' database is unreachable: {}", AxonServerUnavailable.describe(e));
        return serviceUnavailable("Service unavailable", "The query could not be answered: the read models' database"
                + " cannot be reached. Retry in a few seconds.", RETRY_AFTER_SECONDS);
    }

    /** 503 problem+json with {@code Retry-After}; the detail names no class, the log has the cause. */
    static ResponseEntity<Object> unavailable(Throwable e) {
        log.warn("Query not answered, Axon Server unavailable: {}", AxonServerUnavailable.describe(e));
        log.debug("Axon Server failure", e);
        return serviceUnavailable("Service unavailable", "The query could not be answered: the message service (Axon"
                + " Server) cannot be reached or has no node to answer it. Retry in a few seconds.",
                RETRY_AFTER_SECONDS);
    }

    private static ResponseEntity<Object> serviceUnavailable(String title, String detail, String retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static final String RETRY_AFTER_SECONDS = "2";

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String message = "must be " + ValueKinds.of(e.getRequiredType()); // in words, never a class name
        return ResponseEntity.badRequest().body(badRequest(field + " " + message, field, message));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(badRequest(e.getParameterName() + " must be given",
                e.getParameterName(), "must be given"));
    }

    private static ProblemDetail badRequest(String detail, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(Problems.INVALID_REQUEST);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
