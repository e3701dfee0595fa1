package kr.go.gg.training.query.course;

import kr.go.gg.training.api.course.CourseSummary;

public record CourseAtVersion(CourseSummary summary, long version) {
}
