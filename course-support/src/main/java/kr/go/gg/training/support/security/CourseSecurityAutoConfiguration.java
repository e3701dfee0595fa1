package kr.go.gg.training.support.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users, password encoder and the fallback chain of both apps, once per process (standalone runs both apps and gets
 * one of each). Each app adds its own chain for its own paths ({@code platform.security}). Users come from
 * {@code course.security.users.<name>.password} (with its encoder's prefix, {@code {bcrypt}...}, {@code {noop}...})
 * and {@code .role}; outside the {@code standalone} profile the documented public passwords are refused.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({CourseSecurityProperties.class, LoginThrottleProperties.class})
public class CourseSecurityAutoConfiguration {

    /** Bcrypt hashes in configuration; successful checks remembered briefly ({@link CachingPasswordEncoder}). */
    @Bean
    public PasswordEncoder coursePasswordEncoder() {
        return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * Outside the standalone profile the documented local passwords are public knowledge: refuse to start with them
     * (hashed, or even as plain text without a prefix), and refuse to start with nobody allowed in. A password
     * without an encoder prefix is refused too: the configuration says how each password is stored.
     */
    @Bean
    public UserDetailsService courseUserDetailsService(CourseSecurityProperties properties,
                                                       PasswordEncoder coursePasswordEncoder, Environment environment) {
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("No users configured: set course.security.users.<name>.password and"
                    + " .role (STAFF, AUDITOR, VIEWER, ADMIN), or run with profile '" + LocalUsers.PROFILE
                    + "' for the documented local users");
        }
        boolean local = environment.acceptsProfiles(Profiles.of(LocalUsers.PROFILE));
        Map<String, UserDetails> users = new LinkedHashMap<>();
        properties.users().forEach((name, user) -> {
            if (user.password() == null || user.password().isBlank() || user.role() == null) {
                throw new IllegalStateException("User '" + name + "' needs course.security.users." + name
                        + ".password and .role");
            }
            if (!local && isDocumented(user.password(), coursePasswordEncoder)) {
                throw new IllegalStateException("User '" + name + "' has a documented local password (a public"
                        + " password); these are allowed only with profile '" + LocalUsers.PROFILE
                        + "'. Configure a secret password.");
            }
            if (!user.password().startsWith("{")) {
                throw new IllegalStateException("User '" + name + "' needs course.security.users." + name
                        + ".password with an encoder prefix ({bcrypt}..., {noop}...)");
            }
            users.put(name, User.withUsername(name).password(user.password()).roles(user.role().name()).build());
        });
        return exactNames(users);
    }

    /**
     * User names are matched exactly, case included: {@code Staff} is not {@code staff} (Spring's in-memory manager
     * folds case). A copy each time: Spring Security erases the password of the user it authenticated.
     */
    private static UserDetailsService exactNames(Map<String, UserDetails> users) {
        Map<String, UserDetails> byName = Map.copyOf(users);
        return name -> {
            UserDetails user = name == null ? null : byName.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("No such user");
            }
            return User.withUserDetails(user).build();
        };
    }

    /** Wrong passwords counted per user name and client address (429 once used up; {@link LoginThrottleFilter}). */
    @Bean
    public LoginThrottle courseLoginThrottle(LoginThrottleProperties limits) {
        return new LoginThrottle(limits);
    }

    private static boolean isDocumented(String password, PasswordEncoder encoder) {
        String encoded = password.startsWith("{") ? password : "{noop}" + password;
        return LocalUsers.PUBLIC_PASSWORDS.stream().anyMatch(known -> encoder.matches(known, encoded));
    }

    /**
     * Actuator health and the API docs open (health shows details to ADMIN only: management.endpoint.health.roles),
     * Prometheus's scrape for ADMIN and METRICS, every other actuator endpoint (metrics, info) ADMIN only, all else
     * authenticated: after every app's own chain.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    public SecurityFilterChain fallbackSecurityFilterChain(HttpSecurity http) throws Exception {
        return ProblemResponses.statelessBasic(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.METRICS.name())
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .build();
    }
}
