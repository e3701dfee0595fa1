package kr.go.gg.training.command.embedded.eventstore;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code course.data-dir} absolute: H2 2.x refuses a URL with an implicitly relative path
 * ({@code jdbc:h2:file:data/events}), and {@code --course.data-dir=data} should simply work. Runs after the
 * config files are loaded.
 */
public class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "course.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty(PROPERTY);
        if (dataDir == null || dataDir.isBlank() || dataDir.startsWith("~")) {
            return;
        }
        String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
        if (!absolute.equals(dataDir)) {
            environment.getPropertySources().addFirst(new MapPropertySource("courseDataDirAbsolute", Map.of(PROPERTY, absolute)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
