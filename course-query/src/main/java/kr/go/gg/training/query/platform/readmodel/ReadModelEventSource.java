package kr.go.gg.training.query.platform.readmodel;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Where the read-model processor reads its events, when not from Axon's event store (a bean of this type, if there
 * is one: the embedded default's polled event store). Asked once the processor is built, since a source may need
 * Axon's configuration.
 */
public interface ReadModelEventSource {

    StreamableMessageSource<TrackedEventMessage<?>> source(Configuration configuration);
}
