package kr.go.gg.training.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users of both apps: the documented local ones only with profile standalone, never nobody, never unprefixed. */
class LocalUsersRefusalTest {

    private final CourseSecurityAutoConfiguration configuration = new CourseSecurityAutoConfiguration();
    /** The bean itself (the caching encoder): the refusal must keep working through it. */
    private final PasswordEncoder encoder = configuration.coursePasswordEncoder();

    /** The shipped file of documented local users (bcrypt hashes of the public passwords). */
    private static MockEnvironment withLocalUsers() throws Exception {
        MockEnvironment environment = new MockEnvironment();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(LocalUsers.CONFIG_FILE,
                new ClassPathResource(LocalUsers.CONFIG_FILE));
        sources.forEach(environment.getPropertySources()::addFirst);
        return environment;
    }

    /** Bound as Spring binds {@code course.security} for the bean. */
    private UserDetailsService users(Environment environment) {
        CourseSecurityProperties properties = Binder.get(environment)
                .bindOrCreate("course.security", CourseSecurityProperties.class);
        return configuration.courseUserDetailsService(properties, encoder, environment);
    }

    private static MockEnvironment user(String name, String password, String role) {
        return new MockEnvironment()
                .withProperty("course.security.users." + name + ".password", password)
                .withProperty("course.security.users." + name + ".role", role);
    }

    @Test
    void the_documented_local_users_are_refused_outside_the_standalone_profile() throws Exception {
        assertThatThrownBy(() -> users(withLocalUsers()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("documented local password");
        MockEnvironment production = withLocalUsers();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> users(production)).hasMessageContaining("public password");
    }

    @Test
    void a_documented_password_in_plain_text_is_refused_too() {
        assertThatThrownBy(() -> users(user("admin", "admin-pass", "ADMIN")))
                .hasMessageContaining("documented local password");
        assertThatThrownBy(() -> users(user("boss", "{noop}admin-pass", "ADMIN")))
                .hasMessageContaining("public password");
    }

    @Test
    void the_documented_local_users_are_accepted_with_the_standalone_profile() throws Exception {
        MockEnvironment standalone = withLocalUsers();
        standalone.setActiveProfiles(LocalUsers.PROFILE);
        UserDetailsService users = users(standalone);
        assertThat(users.loadUserByUsername("staff").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        assertThat(users.loadUserByUsername("auditor").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_AUDITOR");
        assertThat(encoder.matches("viewer-pass", users.loadUserByUsername("viewer").getPassword())).isTrue();
    }

    @Test
    void starting_without_users_is_refused() {
        assertThatThrownBy(() -> configuration.courseUserDetailsService(new CourseSecurityProperties(null),
                encoder, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No users configured");
    }

    @Test
    void a_password_without_its_encoder_prefix_or_a_user_without_a_role_is_refused() {
        assertThatThrownBy(() -> users(user("boss", "secret", "ADMIN"))).hasMessageContaining("encoder prefix");
        var noRole = new CourseSecurityProperties(Map.of("boss", new CourseSecurityProperties.User("{noop}a-real-secret", null)));
        assertThatThrownBy(() -> configuration.courseUserDetailsService(noRole, encoder, new MockEnvironment()))
                .hasMessageContaining("needs course.security.users.boss.password and .role");
    }

    @Test
    void a_secret_password_is_accepted_outside_standalone() {
        assertThat(users(user("boss", "{noop}a-real-secret", "ADMIN")).loadUserByUsername("boss").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }
}
