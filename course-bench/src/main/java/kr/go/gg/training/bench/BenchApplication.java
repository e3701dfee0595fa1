package kr.go.gg.training.bench;

import kr.go.gg.training.command.CourseCommandApplication;
import kr.go.gg.training.query.CourseQueryApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The system under test: both sides in one process on the embedded default, scanned exactly as
 * {@code CourseStandaloneApplication} scans them (that module's jar is repackaged, so the bench cannot depend on it).
 * Started and stopped by {@link SystemUnderTest}; it has no {@code main} of its own.
 */
@SpringBootApplication
@ComponentScan(basePackages = {"kr.go.gg.training.command", "kr.go.gg.training.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CourseCommandApplication.class, CourseQueryApplication.class}))
public class BenchApplication {
}
