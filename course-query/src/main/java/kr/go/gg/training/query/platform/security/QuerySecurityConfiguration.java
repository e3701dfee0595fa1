package kr.go.gg.training.query.platform.security;

import jakarta.servlet.DispatcherType;
import kr.go.gg.training.support.security.ProblemResponses;
import kr.go.gg.training.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The query paths (docs/design.md: {@code @Order(20)}, after the command module's chain): every GET under
 * {@code /api/**} and everything under {@code /api/admin/**}. Rosters and the audit log (who did what) are personal
 * data: not for VIEWER; STAFF may do every read (docs/api.md). Users, password encoder and the fallback chain come from
 * course-support ({@code CourseSecurityAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class QuerySecurityConfiguration {

    private static final String[] EVERY_ROLE = {Role.STAFF.name(), Role.AUDITOR.name(), Role.VIEWER.name(), Role.ADMIN.name()};

    @Bean
    @Order(20)
    public SecurityFilterChain querySecurityFilterChain(HttpSecurity http) throws Exception {
        return ProblemResponses.statelessBasic(http)
                .securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**")))
                .authorizeHttpRequests(auth -> auth
                        // the SSE stream continues on async dispatches of an already authorised request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/courses/*/trainees/*/personal-data").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/courses/*/trainees/*/certificate")
                        .hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/privacy/erasures").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/courses/*/trainees", "/api/audit-log")
                        .hasAnyRole(Role.STAFF.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/admin/projections", "/api/admin/dead-letters")
                        .hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/courses", "/api/courses/*", "/api/courses/*/stream", "/api/reports/**",
                                "/api/pipeline", "/api/agreements").hasAnyRole(EVERY_ROLE)
                        .anyRequest().hasAnyRole(Role.STAFF.name(), Role.AUDITOR.name(), Role.ADMIN.name()))
                .build();
    }
}
