package kr.go.gg.training.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
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
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.query.mongo.BatchedCollection;
import kr.go.gg.training.query.mongo.ProcessingGroups;
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
 * appear in queries for all users. Idempotent by event identifier: a re-delivered event has the same position, so
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
        Document chunk = known ? log.find(chunkId(userKey, day, chunkNo)) : null;
        boolean created = chunk == null;
        if (created) {
            chunk = new Document("_id", chunkId(userKey, day, chunkNo)).append("user", userKey).append("day", day)
                    .append("chunk", chunkNo).append("entries", new Document());
        }
        if (!known) {
            List<Integer> listed = new ArrayList<>(chunks);
            int at = Collections.binarySearch(listed, chunkNo);
            listed.add(at < 0 ? -at - 1 : at, chunkNo); // kept ascending, whatever order events arrive in
            if (mine == null) {
                users.add(new Document("user", userKey).append("chunks", listed));
            } else {
                mine.put("chunks", listed);
            }
            index.put("users", users);
            days.save(index);
        }
        if (created) {
            chunk.get("entries", Document.class).put(eventId, entry);
            log.save(chunk); // a new chunk is written whole (it needs its user, day and number)
        } else {
            log.setEntry(chunk, "entries", eventId, entry); // keyed by event id: redelivery overwrites; a $set of it
        }
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
