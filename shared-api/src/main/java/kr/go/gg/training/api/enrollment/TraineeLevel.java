package kr.go.gg.training.api.enrollment;

/** KOICA invites mid-level and high-ranking officials. */
public enum TraineeLevel {
    MID_LEVEL,
    HIGH_RANKING
}
