package kr.go.gg.training.api.enrollment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;

import java.util.UUID;

public record TraineeId(@JsonValue String value) {

    @JsonCreator
    public TraineeId {
        value = Require.text(value, "traineeId", 64);
    }

    public static TraineeId random() {
        return new TraineeId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
