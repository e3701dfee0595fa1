package kr.go.gg.training.api.enrollment;

public enum TraineeStatus {
    ENROLLED,
    WITHDRAWN,
    PARTICIPATED
}
