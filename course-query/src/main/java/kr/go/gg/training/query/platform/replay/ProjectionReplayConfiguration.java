package kr.go.gg.training.query.platform.replay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets a replay rebuild only the projections it names. */
@Configuration(proxyBeanMethods = false)
public class ProjectionReplayConfiguration {

    /** Axon adds every such bean to its handler enhancers; static: it is needed before the other beans. */
    @Bean
    public static ProjectionReplayFilter projectionReplayFilter() {
        return new ProjectionReplayFilter();
    }
}
