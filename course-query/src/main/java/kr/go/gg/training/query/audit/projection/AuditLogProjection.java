package kr.go.gg.training.query.audit.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit log: one entry per event of every aggregate (courses, agreements, anything later), shaped for
 * {@code _id} lookups only (the wire server has no secondary indexes):
 * <ul>
 * <li>{@code audit_log}: chunks {@code _id = "<user>|<yyyy-MM-dd>|<n>"} (UTC day of the event), {@code {user, day,
 * chunk, entries: {<eventId>: entry}}}. An event's chunk number is COMPUTED from its position in the event stream:
 * n = (the tracking token's global index) / {@link #DEFAULT_CHUNK_SIZE}. A fixed-width index range bounds a chunk to
 * that many entries (fewer when several users share the range), keeps every rewrite small however busy the day, and
 * lets an event find its chunk by {@code _id} without reading the day's other chunks (handling a day's events costs
 * Mongo round trips linear in their number, not quadratic).</li>
 * <li>{@code audit_log_days}: {@code _id = "<yyyy-MM-dd>"}, {@code {users: [{user, chunks: [n, ...]}]}}: who acted
 * that day and the numbers of their chunks (ascending), so a query reads one small document per day, then exactly
 * the chunks it needs.</li>
 * </ul>
 * Events without a {@code user} in their metadata are kept under user {@code ""} (entry {@code user} null): they
 * appear in queries for all users. Written by path only, never a document rewritten whole: a chunk is upserted with
 * {@code $setOnInsert} of its user, day and number and {@code $set} of {@code entries.<eventId>} (and never read
 * back by the projection), a new chunk number is pushed into the day's index under conditions that make it idempotent
 * ({@link #listChunk}). So several segments of the processor (events of one day fall into all of them) may write the
 * same day and chunk at once without losing each other's entries. Idempotent by event identifier: a re-delivered event has the same position, so
 * it lands in the same chunk and overwrites its entry (with the same entry), never appended twice. Deterministic, so
 * a replay rebuilds identical documents. Needs a tracking processor (its messages carry the position).
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_LOG)
public class AuditLogProjection {

    public static final String AUDIT_LOG = "audit_log";
    public static final String AUDIT_LOG_DAYS = "audit_log_days";
    /** Metadata keys the command side stamps on every event. */
    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    static final int DEFAULT_CHUNK_SIZE = 500;
    /** Bucket key of events whose metadata names no user. */
    private static final String NO_USER = "";

    private static final Comparator<AuditEntry> OLDEST_FIRST = Comparator.comparing(AuditEntry::timestamp)
            .thenComparing(AuditEntry::aggregateId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AuditEntry::sequence, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AuditEntry::eventId);

    private final BatchedCollection log;
    private final BatchedCollection days;
    private final int chunkSize;

    @Autowired
    public AuditLogProjection(MongoDatabase readModelDatabase) {
        this(readModelDatabase, DEFAULT_CHUNK_SIZE);
    }

    AuditLogProjection(MongoDatabase readModelDatabase, int chunkSize) {
        this.log = new BatchedCollection(readModelDatabase.getCollection(AUDIT_LOG));
        this.days = new BatchedCollection(readModelDatabase.getCollection(AUDIT_LOG_DAYS));
        this.chunkSize = chunkSize;
    }

    /**
     * Every event, whatever its type. Its chunk is computed from its position in the event stream (the tracking
     * token's global index), never searched for: redelivery lands in the same chunk and overwrites its entry.
     */
    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String eventId = event.getIdentifier();
        Object user = event.getMetaData().get(USER);
        String userKey = user == null ? NO_USER : user.toString();
        String day = LocalDate.ofInstant(event.getTimestamp(), ZoneOffset.UTC).toString();
        int chunkNo = chunkOf(event);
        Document entry = entry(payload, event, user);

        Document index = days.findOrNew(day);
        List<Document> users = new ArrayList<>(index.getList("users", Document.class, List.of()));
        Document mine = users.stream().filter(u -> userKey.equals(u.getString("user"))).findFirst().orElse(null);
        List<Integer> chunks = mine == null ? List.of() : mine.getList("chunks", Integer.class, List.of());
        boolean known = !chunks.isEmpty() && (chunks.get(chunks.size() - 1) == chunkNo || chunks.contains(chunkNo));
        if (!known) {
            List<Integer> listed = new ArrayList<>(chunks);
            int at = Collections.binarySearch(listed, chunkNo);
            listed.add(at < 0 ? -at - 1 : at, chunkNo); // kept ascending, whatever order events arrive in
            if (mine == null) {
                users.add(new Document("user", userKey).append("chunks", listed));
            } else {
                mine.put("chunks", listed);
            }
            index.put("users", users); // in memory as the three writes below leave it in the database
            listChunk(index, userKey, chunkNo);
        }
        // the chunk is never read: one upsert per chunk and batch, its fixed fields only when it is created, and the
        // entry keyed by event id (redelivery overwrites it), so other segments' entries of the chunk stay
        String chunkId = chunkId(userKey, day, chunkNo);
        log.updatePath(chunkId, "$setOnInsert", "user", userKey);
        log.updatePath(chunkId, "$setOnInsert", "day", day);
        log.updatePath(chunkId, "$setOnInsert", "chunk", chunkNo);
        log.updatePath(chunkId, "$set", "entries." + plainKey(eventId), entry);
    }

    /**
     * Adds chunk {@code n} to the user's chunks in the day's index, by path, never rewriting the index: several
     * segments add their chunks to one day at once. Each write is idempotent and atomic on its document: the day is
     * created if missing, the user's element is pushed only if the day has none yet, the chunk is pushed (kept
     * ascending) only if the user's element does not list it.
     */
    private void listChunk(Document index, String userKey, int chunkNo) {
        String day = index.getString("_id");
        days.write(index, new UpdateOneModel<>(eq("_id", day), new Document("$setOnInsert", new Document("users", List.of())),
                new UpdateOptions().upsert(true)));
        days.write(index, new UpdateOneModel<>(and(eq("_id", day), ne("users.user", userKey)),
                new Document("$push", new Document("users", new Document("user", userKey).append("chunks", List.of())))));
        days.write(index, new UpdateOneModel<>(and(eq("_id", day),
                elemMatch("users", and(eq("user", userKey), ne("chunks", chunkNo)))),
                new Document("$push", new Document("users.$.chunks",
                        new Document("$each", List.of(chunkNo)).append("$sort", 1)))));
    }

    /** An event id as a field name (Axon's are UUIDs): a dot or a leading $ would not be one path. */
    private static String plainKey(String eventId) {
        if (eventId.indexOf('.') >= 0 || eventId.startsWith("$")) {
            throw new IllegalStateException("Event identifier " + eventId + " cannot be a field of the audit log");
        }
        return eventId;
    }

    /** The chunk of the fixed-width range of global indexes the event's position falls in. */
    private int chunkOf(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return Math.toIntExact(position.getAsLong() / chunkSize);
            }
        }
        throw new IllegalStateException("The audit log needs the event's position in the stream (a tracking "
                + "processor's token with a position), which event " + event.getIdentifier() + " does not carry");
    }

    @ResetHandler
    void reset() {
        log.drop();
        days.drop();
    }

    @QueryHandler
    public AuditLog handle(FindAuditLog query) {
        List<String> range = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            range.add(day.toString());
        }
        List<AuditEntry> found = new ArrayList<>();
        // one small index document per day that had any activity (the days collection stays small)
        for (Document index : days.collection().find(in("_id", range))) {
            String day = index.getString("_id");
            for (Document user : index.getList("users", Document.class, List.of())) {
                String userKey = user.getString("user");
                if (query.user() != null && !query.user().equals(userKey)) {
                    continue;
                }
                for (int n : user.getList("chunks", Integer.class, List.of())) {
                    Document chunk = log.collection().find(eq("_id", chunkId(userKey, day, n))).first();
                    if (chunk != null) {
                        chunk.get("entries", Document.class)
                                .forEach((eventId, entry) -> found.add(view(eventId, (Document) entry)));
                    }
                }
            }
        }
        found.sort(OLDEST_FIRST);
        return new AuditLog(found);
    }

    static String chunkId(String user, String day, int chunk) {
        return user + "|" + day + "|" + chunk;
    }

    private static Document entry(Object payload, EventMessage<?> event, Object user) {
        Object correlationId = event.getMetaData().get(CORRELATION_ID);
        Ids ids = Ids.of(payload);
        Document entry = new Document("timestamp", event.getTimestamp().toString())
                .append("user", user == null ? null : user.toString())
                .append("action", event.getPayloadType().getSimpleName())
                .append("courseId", ids.courseId())
                .append("agreementId", ids.agreementId());
        if (event instanceof DomainEventMessage<?> domain) {
            entry.append("aggregateType", domain.getType())
                    .append("aggregateId", domain.getAggregateIdentifier())
                    .append("sequence", domain.getSequenceNumber());
        } else {
            entry.append("aggregateType", null).append("aggregateId", null).append("sequence", null);
        }
        return entry.append("correlationId", correlationId == null ? null : correlationId.toString());
    }

    private static AuditEntry view(String eventId, Document e) {
        return new AuditEntry(Instant.parse(e.getString("timestamp")), e.getString("user"), e.getString("action"),
                e.getString("courseId"), e.getString("agreementId"), e.getString("aggregateType"),
                e.getString("aggregateId"), e.getLong("sequence"), e.getString("correlationId"), eventId);
    }

    /** The course and agreement an event names: its record components of type {@link CourseId} / {@link AgreementId}. */
    private record Ids(String courseId, String agreementId) {

        private static final Ids NONE = new Ids(null, null);
        private static final ClassValue<List<RecordComponent>> ID_COMPONENTS = new ClassValue<>() {
            @Override
            protected List<RecordComponent> computeValue(Class<?> type) {
                if (!type.isRecord()) {
                    return List.of();
                }
                List<RecordComponent> ids = new ArrayList<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getType() == CourseId.class || component.getType() == AgreementId.class) {
                        component.getAccessor().setAccessible(true);
                        ids.add(component);
                    }
                }
                return List.copyOf(ids);
            }
        };

        static Ids of(Object payload) {
            if (payload == null) {
                return NONE;
            }
            Map<Class<?>, String> values = new HashMap<>();
            for (RecordComponent component : ID_COMPONENTS.get(payload.getClass())) {
                try {
                    Object value = component.getAccessor().invoke(payload);
                    if (value instanceof CourseId course) {
                        values.putIfAbsent(CourseId.class, course.value());
                    } else if (value instanceof AgreementId agreement) {
                        values.putIfAbsent(AgreementId.class, agreement.value());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component + " of " + payload.getClass(), e);
                }
            }
            return values.isEmpty() ? NONE : new Ids(values.get(CourseId.class), values.get(AgreementId.class));
        }
    }
}
