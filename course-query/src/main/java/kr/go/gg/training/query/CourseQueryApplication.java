package kr.go.gg.training.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side alone: read models and query paths (split mode; port 8081). */
@SpringBootApplication
public class CourseQueryApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseQueryApplication.class, args);
    }
}
