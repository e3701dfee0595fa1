package kr.go.gg.training.query.platform.page;

import jakarta.servlet.DispatcherType;
import kr.go.gg.training.support.security.LoginThrottle;
import kr.go.gg.training.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The web pages: a form sign-in with a session (a person, not a script), CSRF tokens on every form, and a
 * content-security policy that lets no inline script or style run. The API keeps its own chains (HTTP Basic,
 * stateless, problem+json 401/403: docs/design.md "Security"), so curl clients see no change. Same users and roles
 * (course-support); a wrong password counts in the same throttle as a wrong Basic login ({@link FormLoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurityConfiguration {

    /** The pages' paths: nothing under {@code /api}, so no API request ever meets this chain. */
    public static final String[] PATHS = {"/", "/login", "/logout", "/pipeline", "/courses/**", "/dashboard/**",
        "/report/**", "/page/**", "/webjars/**", "/favicon.ico"};
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final String[] EVERY_ROLE = {Role.STAFF.name(), Role.AUDITOR.name(), Role.VIEWER.name(), Role.ADMIN.name()};

    @Bean
    @Order(5)
    public SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
                .securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // the browser asks for /favicon.ico by itself: never an HTTP Basic challenge (a password dialog) for it
                        .requestMatchers("/login", "/page/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/courses/new").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/courses/**").hasAnyRole(Role.STAFF.name(), Role.ADMIN.name())
                        .anyRequest().hasAnyRole(EVERY_ROLE))
                .addFilterBefore(new FormLoginThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }
}
