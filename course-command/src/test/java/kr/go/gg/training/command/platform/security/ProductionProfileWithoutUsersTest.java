package kr.go.gg.training.command.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;

import kr.go.gg.training.command.CourseCommandApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A profile other than standalone with no configured users does not start, and says why. */
class ProductionProfileWithoutUsersTest {

    @Test
    void the_application_refuses_to_start_without_users() throws Exception {
        Path dataDir = Files.createTempDirectory("course-command-prod");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CourseCommandApplication.class).run(
                "--server.port=0", "--spring.profiles.active=prod", "--course.data-dir=" + dataDir,
                // the refusal is the point: not an ERROR "Application run failed" in the build's output
                "--logging.level.org.springframework.boot.SpringApplication=OFF").close())
                .satisfies(e -> {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root).isInstanceOf(IllegalStateException.class);
                    assertThat(root.getMessage()).contains("No users configured")
                            .contains("course.security.users.<name>.password").contains("standalone");
                });
    }
}
