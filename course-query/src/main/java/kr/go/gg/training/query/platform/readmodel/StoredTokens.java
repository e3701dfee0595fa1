package kr.go.gg.training.query.platform.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The read-model processor's tokens as the shared token store ({@code trackingtokens}, axon-mongo's layout) holds
 * them: every segment, whichever node processes it, read WITHOUT claiming anything (Axon's {@code fetchToken} claims
 * the segment for the reader). What the cluster has done, not what this node's processor has: the projections'
 * status, and which claims other nodes still hold before a reset.
 */
public final class StoredTokens {

    /** One segment's row: its token (null before any event), who claims it (null: nobody) and since when. */
    public record Stored(int segment, TrackingToken token, String owner, long claimedAtMillis) {
    }

    private final MongoCollection<Document> collection;
    private final Serializer serializer;
    private final String owner;
    private final Duration claimTimeout;

    public StoredTokens(MongoCollection<Document> collection, Serializer serializer, String owner, Duration claimTimeout) {
        this.collection = collection;
        this.serializer = serializer;
        this.owner = owner;
        this.claimTimeout = claimTimeout;
    }

    /** This node's name in the token store's {@code owner} field. */
    public String owner() {
        return owner;
    }

    /** After this long without an extension a claim may be taken over by another node. */
    public Duration claimTimeout() {
        return claimTimeout;
    }

    public List<Stored> read(String processor) {
        List<Stored> rows = new ArrayList<>();
        for (Document row : collection.find(eq("processorName", processor))) {
            Integer segment = row.getInteger("segment");
            if (segment == null) {
                continue;
            }
            Object timestamp = row.get("timestamp");
            rows.add(new Stored(segment, token(row), row.getString("owner"),
                    timestamp instanceof Number n ? n.longValue() : 0L));
        }
        rows.sort(Comparator.comparingInt(Stored::segment));
        return rows;
    }

    /**
     * Every segment's stored token of each of {@code processors}, in one read of the token collection (a processor
     * with no segment stored is absent).
     */
    public Map<String, Map<Integer, TrackingToken>> tokens(Collection<String> processors) {
        Map<String, Map<Integer, TrackingToken>> tokens = new TreeMap<>();
        for (Document row : collection.find(in("processorName", processors))) {
            Integer segment = row.getInteger("segment");
            if (segment != null) {
                tokens.computeIfAbsent(row.getString("processorName"), name -> new TreeMap<>()).put(segment, token(row));
            }
        }
        return tokens;
    }

    /** Every segment's stored token (null for a segment that has handled no event). */
    public Map<Integer, TrackingToken> tokens(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        read(processor).forEach(row -> tokens.put(row.segment(), row.token()));
        return tokens;
    }

    /** The segments another node claims and whose claim has not timed out at {@code nowMillis}. */
    public List<Stored> claimedByOthers(String processor, long nowMillis) {
        return read(processor).stream()
                .filter(row -> row.owner() != null && !row.owner().equals(owner)
                        && row.claimedAtMillis() > nowMillis - claimTimeout.toMillis())
                .toList();
    }

    private TrackingToken token(Document row) {
        Object data = row.get("token");
        String type = row.getString("tokenType");
        if (data == null || type == null) {
            return null;
        }
        byte[] bytes = data instanceof Binary binary ? binary.getData() : (byte[]) data;
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, null)));
    }
}
