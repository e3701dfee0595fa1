package kr.go.gg.training.api.course;

/** KOICA courses of one training year, grouped by stage. */
public record FindKoicaPipeline(int year) {
}
