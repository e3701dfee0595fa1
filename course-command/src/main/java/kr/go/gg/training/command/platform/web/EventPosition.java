package kr.go.gg.training.command.platform.web;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The event store's global position of its last event ({@code X-Event-Position}): read after a command's events
 * were committed, so it covers them (and every write acknowledged before). A client hands it to a query's
 * {@code minPosition} to read its own writes. On the JDBC store it is the last {@code globalIndex}, on Axon Server the
 * last token: the index the read-model processor's token counts in, on either store.
 */
@Component
public class EventPosition {

    public static final String HEADER = "X-Event-Position";

    private final EventStore events;

    public EventPosition(EventStore events) {
        this.events = events;
    }

    /** The last event's position; -1 for an empty store. */
    public long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
