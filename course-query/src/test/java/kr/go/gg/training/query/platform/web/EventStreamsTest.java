package kr.go.gg.training.query.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a stream closes its subscription query: from the client going away, the emitter ending, or both at once. */
class EventStreamsTest {

    @Test
    void a_stream_closes_its_subscription_query_once_however_often_it_is_asked() {
        AtomicInteger closes = new AtomicInteger();
        Runnable close = EventStreams.once(closes::incrementAndGet);

        close.run();
        close.run();

        assertThat(closes).hasValue(1);
    }

    @Test
    void closing_a_subscription_query_whose_updates_had_already_ended_is_no_error() {
        AtomicInteger closes = new AtomicInteger();
        Runnable endedQuery = () -> { // what Axon's SubscriptionQueryResult.close does once its updates completed
            closes.incrementAndGet();
            throw new IllegalStateException("Sink emission failed with FAIL_TERMINATED");
        };
        Runnable close = EventStreams.once(endedQuery);

        assertThatCode(close::run).doesNotThrowAnyException();
        assertThatCode(close::run).doesNotThrowAnyException();
        assertThat(closes).hasValue(1);
    }
}
