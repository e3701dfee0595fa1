package kr.go.gg.training.api.course;

import java.util.List;
import java.util.Map;

/** docs/api.md: {@code {"stages":{"PROPOSED":[...],...}}}; every stage is present, possibly empty. */
public record KoicaPipeline(Map<CourseStatus, List<PipelineCourse>> stages) {
}
