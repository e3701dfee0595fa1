package kr.go.gg.training.api.course;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CourseProposed(CourseId courseId,
                             String title,
                             Program program,
                             Direction direction,
                             String partner,
                             int capacity,
                             Integer trainingYear) {
}
