package kr.go.gg.training.support.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;

class HealthGroupNamesHiddenTest {

    private final HealthEndpointGroup primary = mock(HealthEndpointGroup.class);
    private final HealthEndpointGroup readiness = mock(HealthEndpointGroup.class);
    private final HealthEndpointGroups groups = HealthEndpointGroups.of(primary, Map.of("readiness", readiness));

    @Test
    void theGroupsAreNotListedButStillAnswer() {
        HealthEndpointGroups hidden = new HealthGroupNamesHidden().postProcessHealthEndpointGroups(groups);

        assertThat(groups.getNames()).isEqualTo(Set.of("readiness"));
        assertThat(hidden.getNames()).isEmpty();
        assertThat(hidden.get("readiness")).isSameAs(readiness);
        assertThat(hidden.getPrimary()).isSameAs(primary);
    }
}
