package kr.go.gg.training.support.connection;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What a client's connection may hold: a body nobody reads is neither read nor drained, so a slow or silent client
 * never holds a worker thread after its answer (issue 14). Once per process, for both apps and standalone. The
 * connector's timeouts are {@code server.tomcat.*} in each app's settings.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Tomcat.class)
public class ConnectionAutoConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodyValve() {
        return factory -> factory.addEngineValves(new UnreadBodyValve());
    }

    /** First of all filters: nothing after it sees a body on a GET. */
    @Bean
    public FilterRegistrationBean<BodilessMethodsFilter> bodilessMethodsFilter() {
        FilterRegistrationBean<BodilessMethodsFilter> registration = new FilterRegistrationBean<>(new BodilessMethodsFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
