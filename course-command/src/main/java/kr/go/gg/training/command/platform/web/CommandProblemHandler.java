package kr.go.gg.training.command.platform.web;

import kr.go.gg.training.support.errors.Problems;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.grpc.StatusRuntimeException;
import jakarta.servlet.http.HttpServletRequest;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.support.json.BodyProblems;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details (RFC 9457) for the command controllers only: 400 for input that can never be valid (each bad
 * field in {@code errors}), 404 for unknown ids, 409 for a domain refusal or a concurrent change, 503 with Retry-After
 * when the event store fails.
 */
@RestControllerAdvice(basePackages = "kr.go.gg.training.command")
public class CommandProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        return badRequest(e.getMessage(), List.of(new FieldProblem(e.field(), problemOf(e))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName() + " has the wrong type", List.of(new FieldProblem(e.getName(), "has the wrong type")));
    }

    @ExceptionHandler(DomainRefusal.class)
    ProblemDetail refused(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Refused", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent change",
                "Another change to the same course (or a course with the same id) came first; reload and retry");
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No course or agreement '" + e.getAggregateIdentifier() + "'");
    }

    /**
     * Refusals arrive as CommandExecutionException with {@link Refusal} details (see RefusalInterceptor). Without
     * them the handling node failed in some other way (through Axon Server only; locally the handler's own exception
     * arrives): its store may have been unreachable, so whether the command was stored is not known.
     */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Optional<Refusal> refusal = Refusal.of(e);
        if (refusal.isEmpty()) {
            return unavailable(OUTCOME_UNKNOWN, e);
        }
        return switch (refusal.get().kind()) {
            case INVALID -> ResponseEntity.badRequest().body(badRequest(refusal.get().message(), List.of(new FieldProblem(
                    refusal.get().field(), refusal.get().message().substring(refusal.get().field().length()).strip()))));
            case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", refusal.get().message()));
            case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Concurrent change", refusal.get().message()));
            default -> ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Refused", refusal.get().message()));
        };
    }

    static final String NOT_STORED = "The command was not stored: no command handler could be reached. Retry in a moment.";
    static final String OUTCOME_UNKNOWN = "The connection to the event store failed while the command was under way:"
            + " it may or may not have been stored. Retry with the same Idempotency-Key, which stores it at most once.";

    /** Nothing reached a handler: not stored. */
    @ExceptionHandler({NoHandlerForCommandException.class, CommandDispatchException.class})
    ResponseEntity<ProblemDetail> notDispatched(RuntimeException e) {
        return unavailable(NOT_STORED, e);
    }

    /**
     * Axon Server unreachable or lost while the command was under way. Handled here, before Spring MVC could take
     * the connection reset inside for a client that went away (it then answers 200 with no body).
     */
    @ExceptionHandler({AxonServerException.class, StatusRuntimeException.class})
    ResponseEntity<ProblemDetail> eventStoreUnavailable(RuntimeException e, HttpServletRequest request) {
        return unavailable("GET".equals(request.getMethod()) ? NOT_READ : OUTCOME_UNKNOWN, e);
    }

    static final String NOT_READ = "The event store cannot be reached right now. Retry in a moment.";

    static final String STORE_NOT_STORED = "The command was not stored: the event store cannot write right now"
            + " (e.g. its disk is full). Retry in a moment.";
    static final String STORE_OUTCOME_UNKNOWN = "The event store failed while committing the command: it may or may"
            + " not have been stored. Retry with the same Idempotency-Key, which stores it at most once.";

    /**
     * The embedded event store's database failed (a full disk, an I/O error, the database closed after one). A
     * failed commit may have reached the file; anything before it (no connection, the load, the append) rolled
     * back, so nothing was stored.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, EventStoreException.class, JdbcException.class})
    ResponseEntity<ProblemDetail> storeFailed(RuntimeException e, HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return unavailable(NOT_READ, e);
        }
        return unavailable(e instanceof TransactionSystemException ? STORE_OUTCOME_UNKNOWN : STORE_NOT_STORED, e);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail, RuntimeException e) {
        log.warn("Command not completed ({}): {}", e.getClass().getSimpleName(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail));
    }

    static final String RETRY_AFTER_SECONDS = "2";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(badRequest(detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(badRequest(detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLarge tooLarge) {
                ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "Content too large",
                        RequestSizeLimitFilter.detail(tooLarge.limit()));
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
            }
        }
        // a value type or command refused a value while Jackson built it
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException invalid) {
                return ResponseEntity.badRequest().body(invalidValue(invalid));
            }
        }
        BodyProblems.BodyProblem problem = BodyProblems.of(e);
        List<FieldProblem> errors = problem.field() == null ? List.of() : List.of(new FieldProblem(problem.field(), problem.message()));
        return ResponseEntity.badRequest().body(badRequest(problem.detail(), errors));
    }

    private static String problemOf(InvalidValueException e) {
        String message = e.getMessage();
        return message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message;
    }

    private static ProblemDetail badRequest(String detail, List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
