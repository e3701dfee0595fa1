package kr.go.gg.training.command.platform.web;

import kr.go.gg.training.command.metadata.CorrelationIdFilter;
import kr.go.gg.training.command.metadata.UserMdcFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The servlet filters of the command side, in the order a request passes them. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** First: every later log line of the request carries its correlation id. */
    @Bean
    @ConditionalOnMissingBean(name = "correlationIdFilter")
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Before authentication and everything else that could read a body. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${course.http.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${course.http.max-import-body-size:5MB}") DataSize maxImportBodySize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize, maxImportBodySize));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Just after Spring Security's filter chain, which has authenticated the caller by then. */
    @Bean
    @ConditionalOnMissingBean(name = "userMdcFilter")
    FilterRegistrationBean<UserMdcFilter> userMdcFilter() {
        FilterRegistrationBean<UserMdcFilter> registration = new FilterRegistrationBean<>(new UserMdcFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
