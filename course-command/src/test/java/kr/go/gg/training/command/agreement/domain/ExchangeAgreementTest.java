package kr.go.gg.training.command.agreement.domain;

import java.time.YearMonth;

import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.agreement.RecordAgreement;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeAgreementTest {

    @Test
    void an_agreement_is_recorded_with_its_province_classification_and_month() {
        AgreementId id = new AgreementId("a-1");
        new AggregateTestFixture<>(ExchangeAgreement.class)
                .givenNoPriorActivity()
                .when(new RecordAgreement(id, Province.of("Liaoning Province"), AgreementClassification.EXECUTIVES, YearMonth.of(2012, 3)))
                .expectEvents(new AgreementRecorded(id, Province.of("Liaoning"), AgreementClassification.EXECUTIVES, YearMonth.of(2012, 3)));
    }

    private static final AgreementId SHANDONG = AgreementId.of(Province.of("Shandong"), AgreementClassification.GENERAL, YearMonth.of(2013, 5));
    private static final AgreementRecorded RECORDED = new AgreementRecorded(SHANDONG, Province.of("Shandong"),
            AgreementClassification.GENERAL, YearMonth.of(2013, 5));

    @Test
    void the_same_agreement_recorded_again_answers_its_id_and_records_nothing() {
        new AggregateTestFixture<>(ExchangeAgreement.class)
                .given(RECORDED)
                .when(new RecordAgreement(SHANDONG, Province.of("shandong province"), AgreementClassification.GENERAL, YearMonth.of(2013, 5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new AlreadyRecorded(SHANDONG.value()));
    }

    @Test
    void another_agreement_under_a_recorded_id_is_refused() {
        new AggregateTestFixture<>(ExchangeAgreement.class)
                .given(RECORDED)
                .when(new RecordAgreement(SHANDONG, Province.of("Shandong"), AgreementClassification.EXECUTIVES, YearMonth.of(2013, 5)))
                .expectException(ExchangeAgreement.AgreementAlreadyRecorded.class)
                .expectNoEvents();
    }

    @Test
    void an_agreement_is_identified_by_province_classification_and_month() {
        assertThat(AgreementId.of(Province.of("Shandong Province"), AgreementClassification.GENERAL, YearMonth.of(2013, 5)))
                .isEqualTo(SHANDONG)
                .isNotEqualTo(AgreementId.of(Province.of("Shandong"), AgreementClassification.GENERAL, YearMonth.of(2013, 6)))
                .isNotEqualTo(AgreementId.of(Province.of("Shandong"), AgreementClassification.EXECUTIVES, YearMonth.of(2013, 5)))
                .isNotEqualTo(AgreementId.of(Province.of("Hebei"), AgreementClassification.GENERAL, YearMonth.of(2013, 5)));
    }
}
