package kr.go.gg.training.command.platform.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import kr.go.gg.training.support.openapi.ApiTag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's part of the OpenAPI document: its tags in the workflow's order (course-support puts the
 * document in that order) and what every command shares: the {@code Idempotency-Key} request header, the
 * {@code Idempotent-Replayed} and (course commands) {@code X-Course-Version} answer headers, 409 and 503.
 */
@Configuration(proxyBeanMethods = false)
public class CommandApiDocs {

    public static final String AGREEMENTS = "Agreements";
    public static final String PROPOSAL = "Course proposal and selection";
    public static final String SCHEDULE = "Schedule";
    public static final String ENROLMENT = "Enrolment";
    public static final String RUNNING = "Start, completion, cancellation";
    public static final String MONEY = "Costs and commission";
    public static final String IMPORTS = "Imports";
    public static final String AUDIT = "Audit and history";
    public static final String PRIVACY = "Personal data";

    public static final String NOT_STAFF = "Signed in, but not as STAFF or ADMIN";
    public static final String NO_COURSE = "No course with this id";
    public static final String REFUSED = "A rule refuses the step (the detail names the course's state and the steps it"
            + " allows), or the Idempotency-Key was used for another request";

    @Bean
    ApiTag agreementsTag() {
        return new ApiTag(AGREEMENTS, 10, "Exchange agreements with Chinese provinces: record one, list them");
    }

    @Bean
    ApiTag proposalTag() {
        return new ApiTag(PROPOSAL, 20, "Propose a course; a KOICA course's demand survey, selection, consignee"
                + " invitation and award", "/api/courses", "/api/courses/{id}/demand-survey", "/api/courses/{id}/selection",
                "/api/courses/{id}/consignee-invitation", "/api/courses/{id}/consignee-selection");
    }

    @Bean
    ApiTag scheduleTag() {
        return new ApiTag(SCHEDULE, 30, "The training period and its curriculum (sessions)", "/api/courses/{id}/schedule",
                "/api/courses/{id}/sessions", "/api/courses/{id}/sessions/{sessionId}/removal");
    }

    @Bean
    ApiTag enrolmentTag() {
        return new ApiTag(ENROLMENT, 40, "Trainees: enrol, withdraw, the roster", "/api/courses/{id}/trainees");
    }

    @Bean
    ApiTag runningTag() {
        return new ApiTag(RUNNING, 50, "Run the course, complete it or cancel it", "/api/courses/{id}/start",
                "/api/courses/{id}/completion", "/api/courses/{id}/cancellation");
    }

    @Bean
    ApiTag moneyTag() {
        return new ApiTag(MONEY, 55, "A course's costs by the cost-sharing rule, a KOICA course's consignment commission",
                "/api/courses/{id}/costs", "/api/courses/{id}/commission");
    }

    @Bean
    ApiTag importsTag() {
        return new ApiTag(IMPORTS, 60, "The printed record's courses, imported once");
    }

    @Bean
    ApiTag auditTag() {
        return new ApiTag(AUDIT, 100, "A course's events from the event store, its state as of an instant, who did what",
                "/api/courses/{id}/history", "/api/courses/{id}/state");
    }

    @Bean
    ApiTag privacyTag() {
        return new ApiTag(PRIVACY, 105, "Trainees' personal data: erasure, the destruction log, subject access",
                "/api/courses/{id}/trainees/{traineeId}/erasure");
    }

    /** Every {@code POST /api/**} but {@code /api/admin/**} is a command (docs/api.md). */
    @Bean
    OpenApiCustomizer commandHeaders() {
        return openApi -> paths(openApi).forEach((path, item) -> {
            Operation post = item.getPost();
            if (post != null && path.startsWith("/api/") && !path.startsWith("/api/admin/")) {
                describe(post, path);
            }
        });
    }

    private static Map<String, PathItem> paths(OpenAPI openApi) {
        return openApi.getPaths() == null ? Map.of() : openApi.getPaths();
    }

    private static void describe(Operation command, String path) {
        // every course command answers the course's version; agreements and imports do not
        boolean courseVersion = path.startsWith("/api/courses");
        command.addParametersItem(new HeaderParameter().name(CommandSender.IDEMPOTENCY_KEY).required(false)
                .description("Any 1 to 200 visible ASCII characters: the same key again (same user) answers the first"
                        + " answer again and changes nothing; with another request to the same course it is a 409")
                .schema(new StringSchema().minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]{1,200}$"))
                .example("enrol-2016-kim-1"));
        command.getResponses().forEach((code, response) -> {
            if (code.startsWith("2")) {
                response.addHeaderObject(CommandSender.REPLAYED, new Header()
                        .description("true when this is the first answer to this Idempotency-Key, sent again")
                        .schema(new StringSchema()._enum(List.of("true"))));
                if (courseVersion) {
                    response.addHeaderObject(CommandSender.COURSE_VERSION, new Header()
                            .description("The course's version after the command: GET /api/courses/{id}?minVersion=N"
                                    + " waits for it").schema(new IntegerSchema().format("int64")));
                }
            }
        });
        if (!command.getResponses().containsKey("409")) {
            command.getResponses().addApiResponse("409", new ApiResponse().description("The Idempotency-Key was used"
                    + " for another request"));
        }
        if (!command.getResponses().containsKey("503")) {
            command.getResponses().addApiResponse("503", new ApiResponse().description("The event store cannot"
                    + " take the command now; retry after Retry-After seconds"));
        }
    }
}
