package kr.go.gg.training.query.platform.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import kr.go.gg.training.support.openapi.ApiTag;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The query side's part of the OpenAPI document: its tags in the workflow's order (course-support puts the document
 * in that order; a tag the command side shares has the same place) and the 503 every query can answer when the
 * query bus cannot reach a handler (Axon Server down).
 */
@Configuration(proxyBeanMethods = false)
public class QueryApiDocs {

    public static final String AGREEMENTS = "Agreements";
    public static final String ENROLMENT = "Enrolment";
    public static final String COURSES = "Courses";
    public static final String REPORTS = "Reports";
    public static final String PIPELINE = "KOICA pipeline";
    public static final String AUDIT = "Audit and history";
    public static final String OPERATIONS = "Operations";
    public static final String PRIVACY = "Personal data";

    static {
        // a stream's answer is documented on each stream as text/event-stream, not as the Java type that writes it
        SpringDocUtils.getConfig().replaceWithSchema(SseEmitter.class, new StringSchema());
    }

    public static final String NO_COURSE = "No course with this id";
    public static final String NOT_VIEWER = "Signed in as VIEWER: no personal data";

    @Bean
    ApiTag agreementsQueryTag() {
        return new ApiTag(AGREEMENTS, 10, "Exchange agreements with Chinese provinces: record one, list them");
    }

    @Bean
    ApiTag enrolmentQueryTag() {
        return new ApiTag(ENROLMENT, 40, "Trainees: enrol, withdraw, the roster", "/api/courses/{id}/trainees");
    }

    @Bean
    ApiTag coursesTag() {
        return new ApiTag(COURSES, 70, "The courses as the read side holds them: a list, one course (waiting for a"
                + " version if asked), a live stream", "/api/courses", "/api/courses/{id}", "/api/courses/{id}/stream");
    }

    @Bean
    ApiTag reportsTag() {
        return new ApiTag(REPORTS, 80, "The yearly performance report, once or as a live stream");
    }

    @Bean
    ApiTag pipelineTag() {
        return new ApiTag(PIPELINE, 90, "A year's KOICA courses by stage");
    }

    @Bean
    ApiTag auditQueryTag() {
        return new ApiTag(AUDIT, 100, "A course's events from the event store, its state as of an instant, who did"
                + " what", "/api/courses/{id}/history", "/api/courses/{id}/state");
    }

    @Bean
    ApiTag privacyQueryTag() {
        return new ApiTag(PRIVACY, 105, "Trainees' personal data: erasure, the destruction log, subject access",
                "/api/privacy/erasures", "/api/courses/{id}/trainees/{traineeId}/personal-data");
    }

    @Bean
    ApiTag operationsTag() {
        return new ApiTag(OPERATIONS, 110, "The read models' projections: status, replay and dead letters");
    }

    /**
     * Every query of this side goes through the query bus; without Axon Server it answers 503 (QueryProblemAdvice).
     */
    @Bean
    OperationCustomizer queryUnavailable() {
        return (operation, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("kr.go.gg.training.query")
                    && !operation.getResponses().containsKey("503")) {
                operation.getResponses().addApiResponse("503", new ApiResponse()
                        .description("The read side cannot answer now; retry after Retry-After seconds"));
            }
            if (operation.getParameters() != null) {
                // GET /api/courses/{id} is one operation of two mappings: with minVersion (documented) and without
                operation.getParameters().stream().filter(parameter -> "minVersion".equals(parameter.getName()))
                        .forEach(parameter -> parameter.setRequired(false));
            }
            return operation;
        };
    }
}
