package kr.go.gg.training.support.errors;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors of every layer as problems (docs/api.md): the {@code /error} page, the security firewall's refusals,
 * the actuator's bare 404s and Tomcat's own error report. Once per process, so both apps and standalone answer alike.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorsAutoConfiguration {

    static final String REJECTED = "The request's path or headers are not allowed here (for example '..', '//', an"
            + " encoded slash or a control character)";

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** The actuator's bare 404s (an unknown health group or meter) as problems, like every other unknown path. */
    @Bean
    public FilterRegistrationBean<EmptyErrorBodyFilter> emptyErrorBodyFilter() {
        FilterRegistrationBean<EmptyErrorBodyFilter> registration = new FilterRegistrationBean<>(new EmptyErrorBodyFilter());
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** StrictHttpFirewall's refusals, written at once: the chain (and its header writer) never ran for them. */
    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                Problems.write(request, response, 400, REJECTED);
            }
        };
    }

    /**
     * The host's error report valve replaced by {@link ProblemReportValve} (Boot adds a plain one; the host would add
     * another unless its class is the one found in the pipeline). After Boot's own customizer.
     */
    @Bean
    @ConditionalOnClass(Tomcat.class)
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValveCustomizer() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            host.getPipeline().addValve(new ProblemReportValve());
        });
    }
}
