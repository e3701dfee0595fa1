package kr.go.gg.training.api.enrollment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.TimeOrderedIds;


public record TraineeId(@JsonValue String value) {

    @JsonCreator
    public TraineeId {
        value = Require.text(value, "traineeId", 64);
    }

    public static TraineeId random() {
        return new TraineeId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
