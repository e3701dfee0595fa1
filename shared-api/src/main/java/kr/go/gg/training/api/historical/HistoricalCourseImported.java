package kr.go.gg.training.api.historical;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import org.axonframework.serialization.Revision;

/** A completed course of the printed record, counted by its headcount. */
@Revision("1")
public record HistoricalCourseImported(CourseId courseId,
                                       String title,
                                       Program program,
                                       Direction direction,
                                       String partner,
                                       Period period,
                                       int people,
                                       String source) {
}
