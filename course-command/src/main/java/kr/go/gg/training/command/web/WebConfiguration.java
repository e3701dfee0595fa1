package kr.go.gg.training.command.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** Registered on the command bus by Axon's InterceptorAutoConfiguration. */
    @Bean
    RefusalInterceptor refusalInterceptor() {
        return new RefusalInterceptor();
    }
}
