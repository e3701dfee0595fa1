package kr.go.gg.training.support.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of every error, {@code application/problem+json} (RFC 9457), as both apps write it: Spring's
 * {@code ProblemDetail} and course-support's {@code Problems}. Only the OpenAPI document uses this record.
 */
@Schema(name = "Problem", description = "An error (RFC 9457); a validation error also lists every offending field")
public record Problem(
        @Schema(description = "Always about:blank: the status says what kind of error it is", example = "about:blank",
                requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "Short, the same for every error of its kind", example = "Bad Request",
                requiredMode = Schema.RequiredMode.REQUIRED) String title,
        @Schema(description = "The HTTP status", example = "400", requiredMode = Schema.RequiredMode.REQUIRED) int status,
        @Schema(description = "What is wrong, in words for the client (never a class or a library)",
                example = "capacity: must be less than or equal to 500", requiredMode = Schema.RequiredMode.REQUIRED)
        String detail,
        @Schema(description = "The path the request was sent to", example = "/api/courses") String instance,
        @Schema(description = "Validation errors only: every offending field") List<FieldError> errors) {

    /** One offending field of a request (a body field as {@code courses[0].startDate}, a parameter, a header). */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "capacity", requiredMode = Schema.RequiredMode.REQUIRED) String field,
            @Schema(example = "must be less than or equal to 500", requiredMode = Schema.RequiredMode.REQUIRED)
            String message) {
    }
}
