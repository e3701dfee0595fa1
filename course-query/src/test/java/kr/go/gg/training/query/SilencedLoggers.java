package kr.go.gg.training.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loggers turned off while a test provokes failures on purpose, and set back once its context has closed (the
 * processors it broke keep reporting until then), so the build's output shows only real failures.
 */
public final class SilencedLoggers {

    private final Map<String, Level> levels = new HashMap<>();

    public void silence(List<String> names) {
        names.forEach(name -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.OFF);
        });
    }

    public void restore() {
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }
}
