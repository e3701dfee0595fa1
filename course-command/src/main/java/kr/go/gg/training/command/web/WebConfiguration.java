package kr.go.gg.training.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** Registered on the command bus by Axon's InterceptorAutoConfiguration. */
    @Bean
    RefusalInterceptor refusalInterceptor() {
        return new RefusalInterceptor();
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
}
