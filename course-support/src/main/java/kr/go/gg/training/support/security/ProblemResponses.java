package kr.go.gg.training.support.security;

import kr.go.gg.training.support.errors.Problems;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * 401 and 403 as {@code application/problem+json} (docs/api.md), written before any controller is reached, and the
 * settings every chain of both apps shares: HTTP Basic, stateless, so no session cookie to forge with and no CSRF;
 * wrong passwords throttled ({@link LoginThrottleFilter}, 429).
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** HTTP Basic without sessions or CSRF, its 401 and 403 answered as problems; the caller adds the paths. */
    public static HttpSecurity statelessBasic(HttpSecurity http) throws Exception {
        LoginThrottle throttle = http.getSharedObject(ApplicationContext.class).getBean(LoginThrottle.class);
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()));
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"course\"");
            Problems.write(request, response, 401, "Credentials are missing or wrong");
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, e) -> Problems.write(request, response, 403,
                "Your role may not " + request.getMethod() + " " + request.getRequestURI());
    }
}
