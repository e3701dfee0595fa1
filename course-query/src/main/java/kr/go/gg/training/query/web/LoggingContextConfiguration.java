package kr.go.gg.training.query.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Log lines of a query request carry its correlation id and user (MDC keys {@code correlationId}, {@code user},
 * shown by {@code logging.pattern.correlation}). The id is the caller's {@code X-Correlation-Id} if sane, else a
 * new one, echoed in the answer. Beside the command side in one process these filters find the keys already set
 * by the command side's filters and leave them alone.
 */
@Configuration(proxyBeanMethods = false)
public class LoggingContextConfiguration {

    static final String HEADER = "X-Correlation-Id";
    static final String CORRELATION_ID = "correlationId";
    static final String USER = "user";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Bean
    FilterRegistrationBean<CorrelationIdMdcFilter> queryCorrelationIdFilter() {
        FilterRegistrationBean<CorrelationIdMdcFilter> registration = new FilterRegistrationBean<>(new CorrelationIdMdcFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UserMdcFilter> queryUserMdcFilter() {
        FilterRegistrationBean<UserMdcFilter> registration = new FilterRegistrationBean<>(new UserMdcFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 11);
        return registration;
    }

    static class CorrelationIdMdcFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (MDC.get(CORRELATION_ID) != null) {
                chain.doFilter(request, response);
                return;
            }
            String given = request.getHeader(HEADER);
            String correlationId = given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
            response.setHeader(HEADER, correlationId);
            MDC.put(CORRELATION_ID, correlationId);
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(CORRELATION_ID);
            }
        }
    }

    static class UserMdcFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean put = MDC.get(USER) == null && authentication != null && authentication.isAuthenticated()
                    && authentication.getName() != null && !"anonymousUser".equals(authentication.getName());
            if (put) {
                MDC.put(USER, authentication.getName());
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (put) {
                    MDC.remove(USER);
                }
            }
        }
    }
}
