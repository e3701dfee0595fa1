package kr.go.gg.training.command.course.domain;

import java.util.Set;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.command.domain.DomainRefusal;

public class StepNotAllowed extends DomainRefusal {

    public StepNotAllowed(CourseId id, CourseStatus status, Step step, Set<Step> allowed) {
        super("Course '" + id + "' is " + status + "; cannot " + step.label() + "; allowed now: "
                + LifecyclePolicy.describe(allowed));
    }
}
