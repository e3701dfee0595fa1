package kr.go.gg.training.api.course;

import java.util.List;

/**
 * The answer to {@link FindCourses}: the list wrapped in a record, asked for with {@code instanceOf}. Across Axon
 * Server a bare list answered for {@code multipleInstancesOf} arrives as a list of JSON maps, which Axon refuses to
 * convert; a record names its element type, so Jackson reads the elements back as {@link CourseSummary}s.
 */
public record CourseSummaries(List<CourseSummary> courses) {

    public CourseSummaries {
        courses = courses == null ? List.of() : List.copyOf(courses);
    }
}
