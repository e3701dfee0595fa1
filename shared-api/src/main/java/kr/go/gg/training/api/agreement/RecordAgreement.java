package kr.go.gg.training.api.agreement;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.InvalidValueException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Records an exchange agreement with a Chinese province, in force from the month it was signed. */
public record RecordAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                              Province province,
                              AgreementClassification classification,
                              YearMonth signedOn) {

    public RecordAgreement {
        Require.present(agreementId, "agreementId");
        Require.present(province, "province");
        Province.listed(province.name(), "province");
        Require.present(classification, "classification");
        Require.present(signedOn, "signedOn");
        if (signedOn.getYear() < 1990 || signedOn.getYear() > Require.LATEST.getYear()) {
            throw new InvalidValueException("signedOn", "must lie between 1990-01 and " + Require.LATEST.getYear() + "-12");
        }
    }
}
