package kr.go.gg.training.command.routing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every aggregate finds a command's target through {@link CachingCommandTargetResolver}: Axon's aggregate
 * configuration takes the {@link CommandTargetResolver} component when one is registered.
 */
@Configuration(proxyBeanMethods = false)
public class CommandTargetConfiguration {

    @Bean
    ConfigurerModule cachingCommandTargetResolver() {
        return configurer -> configurer.registerComponent(CommandTargetResolver.class,
                configuration -> new CachingCommandTargetResolver());
    }
}
