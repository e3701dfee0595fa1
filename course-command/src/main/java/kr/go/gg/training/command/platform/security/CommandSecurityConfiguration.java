package kr.go.gg.training.command.platform.security;

import kr.go.gg.training.support.security.ProblemResponses;
import kr.go.gg.training.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * This module's chain covers its own paths (docs/design.md): the commands and the audit trail. Users, password
 * encoder and the fallback chain come from course-support ({@code CourseSecurityAutoConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class CommandSecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static RequestMatcher commandPaths() {
        return new AndRequestMatcher(PATHS.matcher(HttpMethod.POST, "/api/**"),
                new NegatedRequestMatcher(PATHS.matcher("/api/admin/**")));
    }

    static RequestMatcher auditPaths() {
        return new OrRequestMatcher(PATHS.matcher(HttpMethod.GET, "/api/courses/*/history"),
                PATHS.matcher(HttpMethod.GET, "/api/courses/*/state"));
    }

    @Bean
    @Order(10)
    SecurityFilterChain commandSecurityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher commands = commandPaths();
        RequestMatcher audit = auditPaths();
        return ProblemResponses.statelessBasic(http)
                .securityMatcher(new OrRequestMatcher(commands, audit))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/courses/*/trainees/*/erasure")).hasRole(Role.ADMIN.name())
                        .requestMatchers(commands).hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .requestMatchers(audit).hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name(), Role.STAFF.name())
                        .anyRequest().denyAll())
                .build();
    }
}
