package kr.go.gg.training.support.openapi;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Runs after the apps' own customizers. The answers every operation of both apps can give, added where the operation does not document them itself
 * (each operation documents its own 2xx, 403, 404, 409, 503): 401 and 429 (every path needs a signed-in user),
 * 400 for an operation with input, 413 and 415 for one with a body. Every error answer, documented here or on the
 * operation, is a problem+json (the only error body either app writes), a 204 has no body; 429 and 503 the {@code Retry-After} header.
 */
final class StandardResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String RETRY_AFTER = "Retry-After";

    @Override
    public void customise(OpenAPI openApi) {
        // here, not in the OpenAPI bean: springdoc replaces that bean's schemas with the ones it finds
        ModelConverters.getInstance().readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(StandardResponses::complete));
        }
    }

    private static void complete(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean input = body || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (input) {
            addIfMissing(responses, "400", "Malformed or invalid input; a validation error lists every offending field");
        }
        addIfMissing(responses, "401", "No credentials, or wrong ones");
        addIfMissing(responses, "429", "Too many wrong passwords for this user name or from this address");
        if (body) {
            addIfMissing(responses, "413", "The body is too large");
            addIfMissing(responses, "415", "The body is not application/json");
        }
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        ApiResponses ordered = new ApiResponses();
        sorted.forEach((code, response) -> ordered.addApiResponse(code, problem(code, response)));
        ordered.setExtensions(responses.getExtensions());
        operation.responses(ordered);
    }

    private static void addIfMissing(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    private static ApiResponse problem(String code, ApiResponse response) {
        boolean error = code.startsWith("4") || code.startsWith("5");
        if ("204".equals(code)) {
            response.setContent(null); // springdoc gives every answer the method's return type
        } else if (error) {
            // every error is a problem, whatever springdoc derived from the method's return type
            response.content(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        }
        if (("429".equals(code) || "503".equals(code))
                && (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER))) {
            response.addHeaderObject(RETRY_AFTER, new Header().description("Seconds to wait before trying again")
                    .schema(new IntegerSchema()));
        }
        return response;
    }
}
