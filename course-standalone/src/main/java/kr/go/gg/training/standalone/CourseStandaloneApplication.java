package kr.go.gg.training.standalone;

import kr.go.gg.training.command.CourseCommandApplication;
import kr.go.gg.training.query.CourseQueryApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Both sides in one process on the embedded default: port 8080, data under ./data. */
@SpringBootApplication
@ComponentScan(basePackages = {"kr.go.gg.training.command", "kr.go.gg.training.query", "kr.go.gg.training.standalone"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CourseCommandApplication.class, CourseQueryApplication.class}))
public class CourseStandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseStandaloneApplication.class, args);
    }
}
