package kr.go.gg.training.command.security;

import java.util.Map;

import kr.go.gg.training.api.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalUsersRefusalTest {

    private final CommandSecurityConfiguration configuration = new CommandSecurityConfiguration();
    /** The bean itself (the caching encoder): the refusal must keep working through it. */
    private final PasswordEncoder encoder = configuration.coursePasswordEncoder();

    private static CourseSecurityProperties shippedLocalUsers() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("course-local-users.yml"));
        var properties = yaml.getObject();
        return new CourseSecurityProperties(Map.of("staff", new CourseSecurityProperties.User(
                properties.getProperty("course.security.users.staff.password"), Role.STAFF)));
    }

    @Test
    void the_documented_local_users_are_refused_outside_the_standalone_profile() {
        assertThatThrownBy(() -> configuration.courseUserDetailsService(shippedLocalUsers(),
                encoder, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("documented local password");
    }

    @Test
    void a_documented_password_in_plain_text_is_refused_too() {
        var users = new CourseSecurityProperties(Map.of("admin", new CourseSecurityProperties.User("admin-pass", Role.ADMIN)));
        assertThatThrownBy(() -> configuration.courseUserDetailsService(users,
                encoder, new MockEnvironment()))
                .hasMessageContaining("documented local password");
    }

    @Test
    void the_documented_local_users_are_accepted_with_the_standalone_profile() {
        MockEnvironment standalone = new MockEnvironment();
        standalone.setActiveProfiles("standalone");
        var users = configuration.courseUserDetailsService(shippedLocalUsers(),
                encoder, standalone);
        assertThat(users.loadUserByUsername("staff").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
    }

    @Test
    void starting_without_users_is_refused() {
        assertThatThrownBy(() -> configuration.courseUserDetailsService(new CourseSecurityProperties(null),
                encoder, new MockEnvironment()))
                .hasMessageContaining("No users configured");
    }
}
