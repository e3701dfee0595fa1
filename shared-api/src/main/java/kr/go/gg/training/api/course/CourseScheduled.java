package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CourseScheduled(CourseId courseId, Period period) {
}
