package kr.go.gg.training.standalone.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * A handler of the rosters' processing group that fails for the courses switched on, in every query node of this JVM
 * (one set for all of them: whichever node processes a course's segment fails alike), as course-query's single-node
 * dead-letter test provokes it (its {@code FailureSwitch}). Not a component: added as a source of each query node by
 * {@link ClusterNodes} (course-standalone's application scans this package's parent).
 */
@ProcessingGroup(ProcessingGroups.ROSTERS)
class FailingRosters {

    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(TraineeEnrolled event) {
        if (FAILING.contains(event.courseId().value())) {
            throw new IllegalStateException("test failure for course " + event.courseId().value());
        }
    }
}
