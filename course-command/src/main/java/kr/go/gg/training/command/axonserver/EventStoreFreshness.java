package kr.go.gg.training.command.axonserver;

import kr.go.gg.training.command.domain.AggregateFreshness;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Several nodes append: before a refusal, the aggregate's version is compared with the event store's. */
public class EventStoreFreshness implements AggregateFreshness {

    private final EventStore eventStore;

    public EventStoreFreshness(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public void confirm(String aggregateId, long version) {
        long stored = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (stored > version) {
            throw new StaleAggregate(aggregateId, version, stored);
        }
    }
}
