package kr.go.gg.training.support.health;

import java.util.Set;

import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;

/**
 * Keeps {@code /actuator/health} answering anonymous callers with the overall status only ({@code {"status":"UP"}}):
 * Boot lists the names of the health groups in that answer ({@code "groups":["liveness","readiness"]}). The groups
 * still answer at {@code /actuator/health/liveness} and {@code /actuator/health/readiness}; only their listing
 * is dropped (group membership validation is off, see each app's yml, and no group has an additional path).
 */
public class HealthGroupNamesHidden implements HealthEndpointGroupsPostProcessor {

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        return new HealthEndpointGroups() {
            @Override
            public HealthEndpointGroup getPrimary() {
                return groups.getPrimary();
            }

            @Override
            public Set<String> getNames() {
                return Set.of();
            }

            @Override
            public HealthEndpointGroup get(String name) {
                return groups.get(name);
            }
        };
    }
}
