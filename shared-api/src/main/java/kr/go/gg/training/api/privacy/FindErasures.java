package kr.go.gg.training.api.privacy;

/** The destruction log, oldest first: answered with {@link Erasures}. */
public record FindErasures() {
}
