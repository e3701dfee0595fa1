package kr.go.gg.training.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: commands and audit paths (split mode; port 8080). */
@SpringBootApplication
public class CourseCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseCommandApplication.class, args);
    }
}
