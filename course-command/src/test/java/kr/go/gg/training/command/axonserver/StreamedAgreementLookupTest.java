package kr.go.gg.training.command.axonserver;

import java.time.Duration;
import java.time.YearMonth;

import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStarted;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against an event store whose positions have no gaps, as Axon Server's: the in-memory engine. Each lookup is a
 * node; its stream is the shared event store.
 */
class StreamedAgreementLookupTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private StreamedAgreementLookup lookup;

    private StreamedAgreementLookup node() {
        lookup = new StreamedAgreementLookup(eventStore, Duration.ofSeconds(5));
        lookup.start();
        return lookup;
    }

    @AfterEach
    void stop() {
        if (lookup != null) {
            lookup.stop();
        }
        eventStore.shutDown();
    }

    private void record(Province province, String signedOn) {
        AgreementId id = AgreementId.random();
        eventStore.publish(new GenericDomainEventMessage<>("ExchangeAgreement", id.value(), 0,
                new AgreementRecorded(id, province, AgreementClassification.GENERAL, YearMonth.parse(signedOn))));
    }

    private void otherEvents(int count) {
        for (int i = 0; i < count; i++) {
            CourseId id = CourseId.random();
            eventStore.publish(new GenericDomainEventMessage<>("Course", id.value(), 0, new CourseStarted(id, 3)));
        }
    }

    @Test
    void an_agreement_appended_just_before_is_in_force_at_once() {
        StreamedAgreementLookup node = node();
        otherEvents(50);
        record(Province.of("Hebei"), "2013-05");

        assertThat(node.inForce(Province.of("Hebei"), YearMonth.parse("2016-01"))).isTrue();
    }

    @Test
    void a_node_started_later_honours_the_agreements_recorded_before_it() {
        record(Province.of("Jiangsu"), "2010-01");
        otherEvents(200);

        assertThat(node().inForce(Province.of("Jiangsu"), YearMonth.parse("2016-01"))).isTrue();
    }

    @Test
    void a_province_without_an_agreement_or_before_its_signing_is_not_in_force() {
        record(Province.of("Liaoning"), "2014-06");
        StreamedAgreementLookup node = node();

        assertThat(node.inForce(Province.of("Shandong"), YearMonth.parse("2016-01"))).isFalse();
        assertThat(node.inForce(Province.of("Liaoning"), YearMonth.parse("2014-05"))).isFalse();
        assertThat(node.inForce(Province.of("Liaoning"), YearMonth.parse("2014-06"))).isTrue();
    }
}
