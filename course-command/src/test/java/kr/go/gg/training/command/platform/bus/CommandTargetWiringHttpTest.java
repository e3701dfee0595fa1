package kr.go.gg.training.command.platform.bus;

import java.util.Map;

import kr.go.gg.training.command.HttpTestSupport;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTargetWiringHttpTest extends HttpTestSupport {

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aggregates_find_a_commands_target_through_the_caching_resolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CachingCommandTargetResolver.class);
        // and a command still reaches its course through it
        String id = proposeKoica(3);
        assertThat(post("/api/courses/" + id + "/demand-survey", Map.of("surveyedOn", "2015-01-01")).status()).isEqualTo(204);
        assertThat(events(id)).isEqualTo(2);
    }
}
