package kr.go.gg.training.api.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.TimeOrderedIds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

public record CourseId(@JsonValue String value) {

    @JsonCreator
    public CourseId {
        value = Require.text(value, "courseId", 64);
    }

    public static CourseId random() {
        return new CourseId(TimeOrderedIds.next());
    }

    /** The same natural key always yields the same id, so a repeated import finds the course it made before. */
    public static CourseId derivedFrom(String naturalKey) {
        return new CourseId(UUID.nameUUIDFromBytes(naturalKey.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
