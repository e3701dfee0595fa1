package kr.go.gg.training.api.agreement;

/** Every agreement, answered with {@link Agreements} (ask with {@code instanceOf}). */
public record FindAgreements() {
}
