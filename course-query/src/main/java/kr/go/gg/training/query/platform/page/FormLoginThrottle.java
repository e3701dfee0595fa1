package kr.go.gg.training.query.platform.page;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.go.gg.training.support.security.LoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form under the same throttle as HTTP Basic (course-support's {@link LoginThrottle}, fed by Spring
 * Security's failure events, which the form's failures raise too): a name or address that used up its wrong passwords
 * is sent back to the form without a password check. Not a bean: Boot would register a filter bean for every path.
 */
public class FormLoginThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    public FormLoginThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        Optional<Duration> wait = throttle.retryAfter(user == null ? "" : user, request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
