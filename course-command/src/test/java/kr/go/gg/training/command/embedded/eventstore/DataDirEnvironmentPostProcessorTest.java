package kr.go.gg.training.command.embedded.eventstore;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirEnvironmentPostProcessorTest {

    @Test
    void a_relative_data_dir_becomes_absolute_so_the_h2_url_is_accepted() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("args", Map.of("course.data-dir", "data")));
        environment.getPropertySources().addLast(new MapPropertySource("yml",
                Map.of("spring.datasource.url", "jdbc:h2:file:${course.data-dir}/events")));
        new DataDirEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        String absolute = Path.of("data").toAbsolutePath().toString();
        assertThat(environment.getProperty("course.data-dir")).isEqualTo(absolute);
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + absolute + "/events");
    }
}
