package kr.go.gg.training.command.outbound.domain;

import java.util.List;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.outbound.OutboundSummaryRecorded;
import kr.go.gg.training.api.outbound.RecordOutboundSummary;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import kr.go.gg.training.command.domain.DomainRefusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** A year's printed outbound figure, recorded once: one test per rule. */
class OutboundSummaryTest {

    private static final String ID = RecordOutboundSummary.idFor(2016);
    private static final List<Province> FOUR = List.of(Province.of("Liaoning"), Province.of("Jiangsu"),
            Province.of("Hebei"), Province.of("Shandong"));

    private AggregateTestFixture<OutboundSummary> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OutboundSummary.class);
    }

    @Test
    void a_years_printed_outbound_figure_is_recorded() {
        fixture.givenNoPriorActivity().when(new RecordOutboundSummary(ID, 2016, 4, 64, FOUR))
                .expectEvents(new OutboundSummaryRecorded(ID, 2016, 4, 64, FOUR));
    }

    @Test
    void the_same_figure_again_records_nothing_and_answers_the_existing_id() {
        fixture.given(new OutboundSummaryRecorded(ID, 2016, 4, 64, FOUR)).when(new RecordOutboundSummary(ID, 2016, 4, 64, FOUR))
                .expectNoEvents().expectResultMessagePayload(new AlreadyRecorded(ID));
    }

    @Test
    void a_different_figure_for_a_year_already_recorded_is_refused() {
        fixture.given(new OutboundSummaryRecorded(ID, 2016, 4, 64, FOUR)).when(new RecordOutboundSummary(ID, 2016, 5, 70, FOUR))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("The outbound figure of 2016 is recorded already as 4 courses, 64"
                        + " trainees")).expectNoEvents();
    }

    @Test
    void a_year_has_one_id() {
        org.assertj.core.api.Assertions.assertThat(RecordOutboundSummary.idFor(2016)).isEqualTo(ID)
                .isNotEqualTo(RecordOutboundSummary.idFor(2015));
    }

    @Test
    void a_partner_must_be_a_chinese_province() {
        assertThatThrownBy(() -> new RecordOutboundSummary(ID, 2016, 4, 64, List.of(Province.of("Liaoning"),
                Province.of("Peru")))).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("partners[1] must name");
    }

    @Test
    void a_partner_is_named_once() {
        assertThatThrownBy(() -> new RecordOutboundSummary(ID, 2016, 4, 64, List.of(Province.of("Hebei"),
                Province.of("Hebei Province")))).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("partners[1]");
    }

    @Test
    void counts_are_not_negative_and_the_year_is_in_range() {
        assertThatThrownBy(() -> new RecordOutboundSummary(ID, 2016, -1, 64, FOUR)).hasMessageStartingWith("courses");
        assertThatThrownBy(() -> new RecordOutboundSummary(ID, 2016, 4, -1, FOUR)).hasMessageStartingWith("people");
        assertThatThrownBy(() -> new RecordOutboundSummary(ID, 1899, 4, 64, FOUR)).hasMessageStartingWith("year");
    }
}
