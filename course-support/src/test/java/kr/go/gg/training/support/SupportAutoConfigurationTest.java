package kr.go.gg.training.support;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import kr.go.gg.training.support.connection.ConnectionAutoConfiguration;
import kr.go.gg.training.support.errors.ErrorsAutoConfiguration;
import kr.go.gg.training.support.errors.ProblemErrorController;
import kr.go.gg.training.support.eventtable.EventTableAutoConfiguration;
import kr.go.gg.training.support.eventtable.EventTableSchema;
import kr.go.gg.training.support.health.HealthAutoConfiguration;
import kr.go.gg.training.support.health.HealthGroupNamesHidden;
import kr.go.gg.training.support.logging.LoggingContextAutoConfiguration;
import kr.go.gg.training.support.security.CourseSecurityAutoConfiguration;
import kr.go.gg.training.support.security.LoginThrottle;
import io.swagger.v3.oas.models.OpenAPI;
import kr.go.gg.training.support.openapi.OpenApiAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The auto-configurations as an app (or standalone, with both apps) gets them: one bean of each, by its name. */
class SupportAutoConfigurationTest {

    private static final AutoConfigurations SUPPORT = AutoConfigurations.of(CourseSecurityAutoConfiguration.class,
            LoggingContextAutoConfiguration.class, HealthAutoConfiguration.class, EventTableAutoConfiguration.class,
            ErrorsAutoConfiguration.class, ConnectionAutoConfiguration.class, OpenApiAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(SUPPORT)
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withPropertyValues("course.security.users.ops.password={noop}ops-secret-1",
                    "course.security.users.ops.role=ADMIN",
                    "spring.datasource.url=jdbc:h2:mem:support-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    @Test
    void aWebAppGetsOneOfEachPiece() {
        web.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(UserDetailsService.class).hasBean("courseUserDetailsService");
            assertThat(context).hasSingleBean(PasswordEncoder.class).hasBean("coursePasswordEncoder");
            assertThat(context).hasSingleBean(SecurityFilterChain.class).hasBean("fallbackSecurityFilterChain");
            assertThat(context).hasSingleBean(HealthGroupNamesHidden.class);
            assertThat(context).hasSingleBean(ErrorController.class).hasSingleBean(ProblemErrorController.class);
            assertThat(context).hasSingleBean(RequestRejectedHandler.class).hasSingleBean(LoginThrottle.class);
            assertThat(context.getBeansOfType(FilterRegistrationBean.class)).containsOnlyKeys("correlationIdFilter",
                    "userMdcFilter", "bodilessMethodsFilter", "emptyErrorBodyFilter");
            assertThat(context).hasSingleBean(OpenAPI.class).hasBean("courseStandardResponses").hasBean("courseWorkflowOrder");
            assertThat(context.getBean(UserDetailsService.class).loadUserByUsername("ops").getAuthorities())
                    .extracting(Object::toString).containsExactly("ROLE_ADMIN");
            assertThat(context).hasSingleBean(EventTableSchema.class);
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM DomainEventEntry",
                    Long.class)).isZero();
        });
    }

    @Test
    void withoutADataSourceThereIsNoEventTable() {
        new ApplicationContextRunner().withConfiguration(SUPPORT).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(EventTableSchema.class);
            assertThat(context).doesNotHaveBean(UserDetailsService.class);
        });
    }
}
