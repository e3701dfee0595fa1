package kr.go.gg.training.command.platform.eventstore;

import kr.go.gg.training.api.TimeOrderedIds;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers for messages, and so for stored events, as time-ordered UUIDs ({@link TimeOrderedIds}): the
 * event table's unique index on the event id then grows at its right edge instead of at a random leaf per event.
 * Axon finds this class through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next();
    }
}
