package kr.go.gg.training.query.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.security.LocalUsers;
import kr.go.gg.training.api.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users, password encoder and the fallback chain. The command module declares the same bean names, each
 * {@code @ConditionalOnMissingBean}, so either module runs alone and a process with both gets one copy.
 * Users come from {@code course.security.users.<name>.password} ({@code {bcrypt}...}, {@code {noop}...})
 * and {@code .role}; outside the {@code standalone} profile the documented public passwords are refused.
 */
@Configuration(proxyBeanMethods = false)
public class CourseUsersConfiguration {

    /** One configured user. */
    public record UserSpec(String password, Role role) {
    }

    /** Bcrypt hashes in configuration; successful checks remembered briefly ({@link CachingPasswordEncoder}). */
    @Bean
    @ConditionalOnMissingBean(name = "coursePasswordEncoder")
    public PasswordEncoder coursePasswordEncoder() {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    @ConditionalOnMissingBean(name = "courseUserDetailsService")
    public UserDetailsService courseUserDetailsService(Environment environment, PasswordEncoder coursePasswordEncoder) {
        Map<String, UserSpec> configured = Binder.get(environment)
                .bind("course.security.users", Bindable.mapOf(String.class, UserSpec.class))
                .orElse(Map.of());
        if (configured.isEmpty()) {
            throw new IllegalStateException("No users configured: set course.security.users.<name>.password and "
                    + ".role (STAFF, AUDITOR, VIEWER, ADMIN), or run with the '" + LocalUsers.PROFILE
                    + "' profile for the documented local users");
        }
        boolean local = environment.acceptsProfiles(Profiles.of(LocalUsers.PROFILE));
        List<UserDetails> users = new ArrayList<>();
        configured.forEach((name, spec) -> {
            if (spec.password() == null || !spec.password().startsWith("{") || spec.role() == null) {
                throw new IllegalStateException("User '" + name + "' needs course.security.users." + name
                        + ".password with an encoder prefix ({bcrypt}..., {noop}...) and a role");
            }
            if (!local && LocalUsers.PUBLIC_PASSWORDS.stream().anyMatch(p -> coursePasswordEncoder.matches(p, spec.password()))) {
                throw new IllegalStateException("User '" + name + "' has a documented public password; it is allowed"
                        + " only in the '" + LocalUsers.PROFILE + "' profile. Configure a secret password.");
            }
            users.add(User.withUsername(name).password(spec.password()).roles(spec.role().name()).build());
        });
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    @ConditionalOnMissingBean(name = "fallbackSecurityFilterChain")
    public SecurityFilterChain fallbackSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
