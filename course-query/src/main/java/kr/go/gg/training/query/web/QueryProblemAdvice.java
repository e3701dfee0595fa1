package kr.go.gg.training.query.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import kr.go.gg.training.api.InvalidValueException;
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
class QueryProblemAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return badRequest(e.getMessage(), e.field(), e.getMessage());
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

    /** The query bus wraps what a handler threw. */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<Object> unwrap(CompletionException e, WebRequest request) throws Exception {
        if (e.getCause() instanceof InvalidValueException invalid) {
            return ResponseEntity.badRequest().body(invalid(invalid));
        }
        throw e;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String message = "must be " + (e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + List.of(e.getRequiredType().getEnumConstants())
                : "a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
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
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
