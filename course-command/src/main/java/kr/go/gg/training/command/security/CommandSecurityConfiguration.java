package kr.go.gg.training.command.security;

import java.util.ArrayList;
import java.util.List;

import kr.go.gg.training.api.security.LocalUsers;
import kr.go.gg.training.api.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic, stateless (so no CSRF). This module's chain covers its own paths (docs/design.md); users, encoder
 * and the fallback chain carry shared bean names and step aside when the query module already defined them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CourseSecurityProperties.class)
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
        return stateless(http)
                .securityMatcher(new OrRequestMatcher(commands, audit))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(commands).hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .requestMatchers(audit).hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name(), Role.STAFF.name())
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    @ConditionalOnMissingBean(name = "fallbackSecurityFilterChain")
    SecurityFilterChain fallbackSecurityFilterChain(HttpSecurity http) throws Exception {
        return stateless(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.unauthorized())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden()));
    }

    /** Bcrypt hashes in configuration; successful checks remembered briefly ({@link CachingPasswordEncoder}). */
    @Bean
    @ConditionalOnMissingBean(name = "coursePasswordEncoder")
    PasswordEncoder coursePasswordEncoder() {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * Outside the standalone profile the documented local passwords are public knowledge: refuse to start with
     * them (plain or hashed), and refuse to start with nobody allowed in.
     */
    @Bean
    @ConditionalOnMissingBean(name = "courseUserDetailsService")
    UserDetailsService courseUserDetailsService(CourseSecurityProperties properties, PasswordEncoder coursePasswordEncoder,
                                                Environment environment) {
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("No users configured: set course.security.users.<name>.password and .role"
                    + " (or run with profile '" + LocalUsers.PROFILE + "' for the documented local users)");
        }
        boolean local = environment.acceptsProfiles(Profiles.of(LocalUsers.PROFILE));
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> {
            if (user.password() == null || user.password().isBlank() || user.role() == null) {
                throw new IllegalStateException("User '" + name + "' needs course.security.users." + name + ".password and .role");
            }
            String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
            if (!local && LocalUsers.PUBLIC_PASSWORDS.stream().anyMatch(known -> coursePasswordEncoder.matches(known, password))) {
                throw new IllegalStateException("User '" + name + "' has a documented local password; these are allowed"
                        + " only with profile '" + LocalUsers.PROFILE + "'. Configure a secret password.");
            }
            users.add(User.withUsername(name).password(password).roles(user.role().name()).build());
        });
        return new InMemoryUserDetailsManager(users);
    }
}
