package kr.go.gg.training.command.agreement.domain;

import java.time.YearMonth;

import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.agreement.RecordAgreement;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ExchangeAgreementTest {

    @Test
    void an_agreement_is_recorded_with_its_province_classification_and_month() {
        AgreementId id = new AgreementId("a-1");
        new AggregateTestFixture<>(ExchangeAgreement.class)
                .givenNoPriorActivity()
                .when(new RecordAgreement(id, Province.of("Liaoning Province"), AgreementClassification.EXECUTIVES, YearMonth.of(2012, 3)))
                .expectEvents(new AgreementRecorded(id, Province.of("Liaoning"), AgreementClassification.EXECUTIVES, YearMonth.of(2012, 3)));
    }
}
