package kr.go.gg.training.support.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code course.security.users.<name>.password / .role}: the users allowed in. Each password carries its encoder's
 * prefix ({@code {bcrypt}...}, {@code {noop}...}).
 */
@ConfigurationProperties("course.security")
public record CourseSecurityProperties(Map<String, User> users) {

    public CourseSecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, Role role) {
    }
}
