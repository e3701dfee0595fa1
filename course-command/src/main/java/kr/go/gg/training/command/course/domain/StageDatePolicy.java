package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.command.domain.DomainRefusal;

/** KOICA's selection stages happen in order: a stage's date may not precede the previous stage's date. */
public final class StageDatePolicy {

    private StageDatePolicy() {
    }

    public static void require(CourseId id, CourseStatus status, LocalDate previousStage, LocalDate date) {
        if (previousStage != null && date.isBefore(previousStage)) {
            throw new DomainRefusal("Course '" + id + "' is " + status + " since " + previousStage
                    + "; the next stage's date " + date + " may not precede it");
        }
    }
}
