package kr.go.gg.training.support.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in user's name into the logging MDC ({@code user}) for the rest of the request. Registered
 * after Spring Security's filter chain (which authenticates); anonymous requests log no user.
 */
public class UserMdcFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "user";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean named = authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                && !"anonymousUser".equals(authentication.getName());
        if (named) {
            MDC.put(MDC_KEY, authentication.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (named) {
                MDC.remove(MDC_KEY);
            }
        }
    }
}
