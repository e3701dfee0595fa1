package kr.go.gg.training.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kr.go.gg.training.command.HttpTestSupport;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention: the job erases the trainees of courses completed longer ago than the retention period, {@code by}
 * retention, and nobody else; a second round (another node's, or after a restart: the job reads what is due from the
 * key store) appends nothing. The application's own beans, a job with a retention of zero days run by hand.
 */
class RetentionJobTest extends HttpTestSupport {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private SubjectKeyLookup keys;

    private void enrol(String course, String name) {
        assertThat(post(course + "/trainees", trainee(name, "MID_LEVEL")).status()).isEqualTo(201);
    }

    /** The erasures in the course's history: the {@code by} of each. */
    private List<String> erasures(String course) {
        List<String> by = new ArrayList<>();
        for (JsonNode entry : get(AUDITOR, course + "/history").body()) {
            if (entry.get("type").asText().equals("TraineeErased")) {
                by.add(entry.get("payload").get("by").asText());
            }
        }
        return by;
    }

    @Test
    void the_trainees_of_a_course_completed_longer_ago_than_the_retention_are_erased_once_by_retention() {
        String completed = scheduledKoica(5);
        enrol(completed, "Retained Alpha");
        enrol(completed, "Retained Beta");
        assertThat(post(completed + "/start", Map.of()).status()).isEqualTo(204);
        assertThat(post(completed + "/completion", Map.of()).status()).isEqualTo(204);
        String running = scheduledKoica(5);
        enrol(running, "Still Running");
        RetentionJob job = new RetentionJob(commands, keys, Period.ZERO, Duration.ZERO);

        job.eraseExpired();

        assertThat(erasures(completed)).containsExactly("retention", "retention");
        assertThat(get(AUDITOR, completed + "/history").raw().body()).doesNotContain("Retained");
        assertThat(erasures(running)).isEmpty();
        assertThat(get(AUDITOR, running + "/history").raw().body()).contains("Still Running");
        long events = events(completed.substring("/api/courses/".length()));
        job.eraseExpired();
        assertThat(events(completed.substring("/api/courses/".length()))).isEqualTo(events);
    }
}
