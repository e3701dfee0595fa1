package kr.go.gg.training.api.enrollment;

/** {@code erased}: the trainee's personal data was destroyed; name, organisation and position are then null. */
public record RosterEntry(String traineeId,
                          String name,
                          String country,
                          String organization,
                          String position,
                          TraineeLevel level,
                          TraineeStatus status,
                          boolean erased) {
}
