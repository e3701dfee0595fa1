package kr.go.gg.training.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;

/**
 * The command side alone: commands and audit paths (split mode; port 8080). No MongoClient of Boot's: the MongoDB
 * driver is here only for the key store under {@code axonserver} (course-support), which makes its own client.
 */
@SpringBootApplication(exclude = MongoAutoConfiguration.class)
public class CourseCommandApplication {

    public static void main(String[] args) {
        SpringApplication.run(CourseCommandApplication.class, args);
    }
}
