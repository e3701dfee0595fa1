package kr.go.gg.training.command.course.domain;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.command.domain.AlreadyExists;

/** Refusal of an import (or any creation) whose id already names a course. */
public class CourseAlreadyExists extends AlreadyExists {

    public CourseAlreadyExists(CourseId id, CourseStatus status) {
        super("Course '" + id + "' already exists and is " + status + "; allowed now: nothing for a new course");
    }
}
