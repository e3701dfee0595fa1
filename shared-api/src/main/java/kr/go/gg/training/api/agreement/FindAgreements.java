package kr.go.gg.training.api.agreement;

public record FindAgreements() {
}
