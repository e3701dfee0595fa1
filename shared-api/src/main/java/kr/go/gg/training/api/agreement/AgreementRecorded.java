package kr.go.gg.training.api.agreement;

import org.axonframework.serialization.Revision;

import java.time.YearMonth;

@Revision("1")
public record AgreementRecorded(AgreementId agreementId,
                                Province province,
                                AgreementClassification classification,
                                YearMonth signedOn) {
}
