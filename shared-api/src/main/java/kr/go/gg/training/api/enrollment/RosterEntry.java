package kr.go.gg.training.api.enrollment;

public record RosterEntry(String traineeId,
                          String name,
                          String country,
                          String organization,
                          String position,
                          TraineeLevel level,
                          TraineeStatus status) {
}
