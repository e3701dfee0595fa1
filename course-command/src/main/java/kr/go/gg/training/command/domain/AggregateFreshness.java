package kr.go.gg.training.command.domain;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whether the aggregate instance that is about to refuse a command is the event store's latest. A refusal appends
 * nothing, so no event store can catch a refusal decided on an out-of-date (cached) aggregate: with several command
 * nodes, another node may have appended since this node cached it. An accepted command needs no such check: its
 * append fails on the sequence number.
 */
public interface AggregateFreshness {

    /** Throws {@link StaleAggregate} when the store holds events of the aggregate beyond {@code version}. */
    void confirm(String aggregateId, long version);

    /** One process alone appends (the embedded default): what it has cached is what the store holds. */
    AggregateFreshness SINGLE_WRITER = (aggregateId, version) -> {
    };

    /** The aggregate was out of date; the command is retried on a fresh load (the cache drops it on rollback). */
    class StaleAggregate extends ConcurrencyException {
        public StaleAggregate(String aggregateId, long version, long stored) {
            super("Aggregate '" + aggregateId + "' was at version " + version + " here, " + stored + " in the event store");
        }
    }
}
