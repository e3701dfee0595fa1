package kr.go.gg.training.support.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Log lines of a request carry its correlation id and user (MDC keys {@code correlationId}, {@code user}, shown by
 * {@code logging.pattern.correlation}), once per process: the two filters are registered here only, so a process
 * with both apps (standalone) runs each once. The two apps' copies had drifted: the query side's left keys it found
 * already set (a second copy of the filters running in standalone), the command side's always set them. With one
 * registration there is no second copy, so the command side's behaviour is kept: every request gets its own id (the
 * caller's if sane, else a new one), echoed in the answer and kept as a request attribute for the commands' metadata,
 * and a value left in the MDC by anything else is never taken for the request's.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class LoggingContextAutoConfiguration {

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Just after Spring Security's filter chain, which has authenticated the caller by then. */
    @Bean
    public FilterRegistrationBean<UserMdcFilter> userMdcFilter() {
        FilterRegistrationBean<UserMdcFilter> registration = new FilterRegistrationBean<>(new UserMdcFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
