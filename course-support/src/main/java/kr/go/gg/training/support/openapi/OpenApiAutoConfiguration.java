package kr.go.gg.training.support.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document's shared pieces, once per process (standalone serves one document of both apps): HTTP Basic
 * for every operation (Swagger UI's Authorize), the problem schema and the answers every operation can give
 * ({@link StandardResponses}), tags and paths in the workflow's order ({@link WorkflowOrder}, from each app's
 * {@link ApiTag} beans).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    static final String BASIC = "basic";

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI courseOpenApi() {
        Components components = new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic: a configured user (the standalone profile's local users are in README.md)"));
        return new OpenAPI()
                .info(new Info().title("Gyeonggi-do training courses").version("1")
                        .description("Courses for foreign public officials: commands, queries, reports and audit."
                                + " Errors are application/problem+json (RFC 9457)."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** After the apps' customizers, which may add answers of their own. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    public OpenApiCustomizer courseStandardResponses() {
        return new StandardResponses();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public OpenApiCustomizer courseWorkflowOrder(ObjectProvider<ApiTag> tags) {
        return new WorkflowOrder(List.copyOf(tags.orderedStream().toList()));
    }
}
