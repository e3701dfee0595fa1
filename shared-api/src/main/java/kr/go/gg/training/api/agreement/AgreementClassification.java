package kr.go.gg.training.api.agreement;

/** Liaoning has two agreements: a general one (2001-04) and one for executives (2012-03). */
public enum AgreementClassification {
    GENERAL,
    EXECUTIVES
}
