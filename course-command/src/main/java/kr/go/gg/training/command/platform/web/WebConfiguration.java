package kr.go.gg.training.command.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The command side's own servlet filter. The order a request passes the filters: course-support's correlation id
 * filter ({@code HIGHEST_PRECEDENCE + 10}, every later log line carries the id), this body size limit ({@code + 20},
 * before authentication and everything else that could read a body), Spring Security, course-support's user MDC
 * filter (just after security, which has authenticated the caller by then).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${course.http.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${course.http.max-import-body-size:5MB}") DataSize maxImportBodySize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize, maxImportBodySize));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
