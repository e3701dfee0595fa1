package kr.go.gg.training.query.platform.replay;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A test-only handler of the rosters' processing group that fails for the courses switched on: the rosters' processor
 * then meets a failing handler for those courses only, as it would with a bug or a bad document.
 */
@Component
@ProcessingGroup(ProcessingGroups.ROSTERS)
public class FailureSwitch {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    void failFor(String courseId) {
        failing.add(courseId);
    }

    void heal(String courseId) {
        failing.remove(courseId);
    }

    @EventHandler
    void on(TraineeEnrolled event) {
        if (failing.contains(event.courseId().value())) {
            throw new IllegalStateException("test failure for course " + event.courseId().value());
        }
    }
}
