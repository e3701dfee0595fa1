package kr.go.gg.training.command.security;

import java.util.Map;

import kr.go.gg.training.api.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code course.security.users.<name>.password / .role}: the users allowed in (passwords may carry {id} prefixes). */
@ConfigurationProperties("course.security")
public record CourseSecurityProperties(Map<String, User> users) {

    public CourseSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, Role role) {
    }
}
