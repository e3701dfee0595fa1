package kr.go.gg.training.bench.baseline;

import java.util.concurrent.TimeUnit;

import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.util.GrpcMetaDataConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The Axon Server peer of {@link RawJdbc#readAll}: every event of the context, from the first, read through the
 * connector's plain gRPC event stream ({@code EventChannel.openStream}) with no Axon event store, no processor and
 * no handler; with a serializer, each payload and metadata deserialised as well. Read-only: the bench never appends
 * anything here but what the system's own commands append (the one context of Axon Server SE is shared and cannot
 * be emptied).
 */
public final class AxonServerEvents {

    /** How long one event may take to arrive before the read is given up. */
    private static final long EVENT_TIMEOUT_S = 30;

    public record ReadResult(long events, long payloadBytes, long metaDataBytes, long undeserialisable, double seconds) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    /** Keeps the JIT from dropping what the read touches. */
    static volatile long sink;

    private AxonServerEvents() {
    }

    /** Every event up to and including global index {@code head}; best of {@code rounds}. */
    public static ReadResult readAll(AxonServerConnectionManager connections, long head, int rounds, Serializer serializer)
            throws InterruptedException {
        return BestOf.rounds(rounds, ReadResult::seconds, () -> readOnce(connections, head, serializer));
    }

    private static ReadResult readOnce(AxonServerConnectionManager connections, long head, Serializer serializer)
            throws InterruptedException {
        Tally tally = new Tally(serializer);
        long start = System.nanoTime();
        if (head < 0) {
            return new ReadResult(0, 0, 0, 0, 1e-9);
        }
        // -1: the token of the event before the first; permits as Axon's processors use them by default
        try (EventStream stream = connections.getConnection().eventChannel().openStream(-1, 5000, 500)) {
            long token = -1;
            while (token < head) {
                EventWithToken next = stream.nextIfAvailable(EVENT_TIMEOUT_S, TimeUnit.SECONDS);
                if (next == null) {
                    throw new IllegalStateException("Axon Server sent no event after token " + token + " within "
                            + EVENT_TIMEOUT_S + " s (head " + head + ")"
                            + stream.getError().map(e -> ": " + e).orElse(""));
                }
                token = next.getToken();
                tally.count(next.getEvent());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink = tally.touched;
        return new ReadResult(tally.events, tally.payloadBytes, tally.metaDataBytes, tally.undeserialisable, seconds);
    }

    /** What one read has seen so far; touches every field of every event, so the JIT cannot skip any. */
    private static final class Tally {
        private final Serializer serializer;
        private final GrpcMetaDataConverter metaDataConverter;
        long events;
        long payloadBytes;
        long metaDataBytes;
        long undeserialisable;
        long touched;

        Tally(Serializer serializer) {
            this.serializer = serializer;
            this.metaDataConverter = serializer == null ? null : new GrpcMetaDataConverter(serializer);
        }

        void count(Event event) {
            events++;
            SerializedObject payload = event.getPayload();
            payloadBytes += payload.getData().size();
            for (var entry : event.getMetaDataMap().entrySet()) {
                metaDataBytes += entry.getKey().length() + entry.getValue().getSerializedSize();
            }
            touched += event.getMessageIdentifier().length() + event.getAggregateIdentifier().length()
                    + event.getAggregateSequenceNumber() + event.getTimestamp() + payload.getType().length();
            if (serializer != null) {
                deserialise(event, payload);
            }
        }

        private void deserialise(Event event, SerializedObject payload) {
            try {
                String revision = payload.getRevision();
                Object deserialised = serializer.deserialize(new SimpleSerializedObject<>(
                        payload.getData().toByteArray(), byte[].class, payload.getType(),
                        revision.isEmpty() ? null : revision));
                MetaData metaData = metaDataConverter.convert(event.getMetaDataMap());
                touched += (deserialised.hashCode() & 1) + metaData.size();
            } catch (RuntimeException e) {
                undeserialisable++; // an event of another application or an old shape, without its upcaster
            }
        }
    }
}
