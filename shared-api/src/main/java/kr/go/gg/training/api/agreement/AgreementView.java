package kr.go.gg.training.api.agreement;

import java.time.YearMonth;

public record AgreementView(String agreementId,
                            String province,
                            AgreementClassification classification,
                            YearMonth signedOn,
                            boolean inForce) {
}
