package kr.go.gg.training.support.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.go.gg.training.support.errors.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In every chain just before HTTP Basic: a login whose user name or client address has used up its wrong passwords
 * ({@link LoginThrottle}) is answered 429 with {@code Retry-After} at once, without a password check (bcrypt costs
 * ~100 ms of CPU; the flood must not spend it). The address is the request's remote address (the socket's, or the
 * proxy's forwarded one under {@code server.forward-headers-strategy}).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = userOf(request).flatMap(user -> throttle.retryAfter(user, request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(request, response, 429, "Too many wrong passwords for this user or from this address; retry"
                + " after " + seconds + " s");
    }

    private Optional<String> userOf(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken token = basic.convert(request);
            return token == null ? Optional.empty() : Optional.of(token.getName());
        } catch (AuthenticationException malformed) {
            return Optional.empty(); // Basic authentication itself answers a malformed header with 401
        }
    }
}
