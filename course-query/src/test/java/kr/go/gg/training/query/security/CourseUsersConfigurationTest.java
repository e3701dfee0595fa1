package kr.go.gg.training.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.go.gg.training.api.security.LocalUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class CourseUsersConfigurationTest {

    private final CourseUsersConfiguration configuration = new CourseUsersConfiguration();
    private final PasswordEncoder encoder = configuration.coursePasswordEncoder();

    /** The shipped file of documented local users (bcrypt hashes of the public passwords). */
    private static MockEnvironment withLocalUsers() throws Exception {
        MockEnvironment environment = new MockEnvironment();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(LocalUsers.CONFIG_FILE,
                new ClassPathResource(LocalUsers.CONFIG_FILE));
        sources.forEach(environment.getPropertySources()::addFirst);
        return environment;
    }

    @Test
    void theDocumentedUsersWorkInTheStandaloneProfile() throws Exception {
        MockEnvironment environment = withLocalUsers();
        environment.setActiveProfiles(LocalUsers.PROFILE);
        UserDetailsService users = configuration.courseUserDetailsService(environment, encoder);
        assertThat(encoder.matches("viewer-pass", users.loadUserByUsername("viewer").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("auditor").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AUDITOR");
    }

    @Test
    void theDocumentedPasswordsAreRefusedInAnyOtherProfile() throws Exception {
        MockEnvironment environment = withLocalUsers();
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> configuration.courseUserDetailsService(environment, encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("public password");

        MockEnvironment plain = new MockEnvironment()
                .withProperty("course.security.users.boss.password", "{noop}admin-pass")
                .withProperty("course.security.users.boss.role", "ADMIN");
        assertThatThrownBy(() -> configuration.courseUserDetailsService(plain, encoder))
                .hasMessageContaining("public password");
    }

    @Test
    void noUsersOrAPasswordWithoutEncoderAreRefused() {
        assertThatThrownBy(() -> configuration.courseUserDetailsService(new MockEnvironment(), encoder))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No users configured");
        MockEnvironment bare = new MockEnvironment()
                .withProperty("course.security.users.boss.password", "secret")
                .withProperty("course.security.users.boss.role", "ADMIN");
        assertThatThrownBy(() -> configuration.courseUserDetailsService(bare, encoder)).hasMessageContaining("encoder prefix");
    }

    @Test
    void aSecretPasswordIsAcceptedOutsideStandalone() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("course.security.users.boss.password", "{noop}a-real-secret")
                .withProperty("course.security.users.boss.role", "ADMIN");
        assertThat(configuration.courseUserDetailsService(environment, encoder).loadUserByUsername("boss").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }
}
