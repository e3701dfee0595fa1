package kr.go.gg.training.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.query.mongo.BatchedCollection;
import kr.go.gg.training.query.mongo.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit log: one entry per event of every aggregate (courses, agreements, anything later), shaped for
 * {@code _id} lookups only (the wire server has no secondary indexes):
 * <ul>
 * <li>{@code audit_log}: chunks {@code _id = "<user>|<yyyy-MM-dd>|<n>"} (UTC day of the event, n = 0, 1, ...) of
 * at most {@link #DEFAULT_CHUNK_SIZE} entries, {@code {user, day, chunk, entries: {<eventId>: entry}}}. The chunks
 * keep every rewrite small (a batch rewrites the chunk it appends to, not the user's whole day, however busy).</li>
 * <li>{@code audit_log_days}: {@code _id = "<yyyy-MM-dd>"}, {@code {users: [{user, chunks}]}}: who acted that day
 * and how many chunks they have, so a query reads one small document per day, then exactly the chunks it needs.</li>
 * </ul>
 * Events without a {@code user} in their metadata are kept under user {@code ""} (entry {@code user} null): they
 * appear in queries for all users. Idempotent by event identifier: a re-delivered event is found in its chunk and
 * overwritten (with the same entry), never appended twice. Deterministic, so a replay rebuilds identical documents.
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

    /** Every event, whatever its type. */
    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String eventId = event.getIdentifier();
        Object user = event.getMetaData().get(USER);
        String userKey = user == null ? NO_USER : user.toString();
        String day = LocalDate.ofInstant(event.getTimestamp(), ZoneOffset.UTC).toString();
        Document entry = entry(payload, event, user);

        Document index = days.findOrNew(day);
        List<Document> users = new ArrayList<>(index.getList("users", Document.class, List.of()));
        Document mine = users.stream().filter(u -> userKey.equals(u.getString("user"))).findFirst().orElse(null);
        int chunks = mine == null ? 0 : mine.getInteger("chunks");
        Document last = null;
        for (int n = 0; n < chunks; n++) {
            Document chunk = log.find(chunkId(userKey, day, n));
            if (chunk == null) {
                continue; // not expected: the index is written in the same batch as the chunk it counts
            }
            Document entries = chunk.get("entries", Document.class);
            if (entries.containsKey(eventId)) {
                entries.put(eventId, entry); // delivered before: overwrite, do not append again
                log.save(chunk);
                return;
            }
            last = chunk;
        }
        if (last == null || last.get("entries", Document.class).size() >= chunkSize) {
            last = new Document("_id", chunkId(userKey, day, chunks)).append("user", userKey).append("day", day)
                    .append("chunk", chunks).append("entries", new Document());
            chunks++;
            if (mine == null) {
                users.add(new Document("user", userKey).append("chunks", chunks));
            } else {
                mine.put("chunks", chunks);
            }
            index.put("users", users);
            days.save(index);
        }
        last.get("entries", Document.class).put(eventId, entry);
        log.save(last);
    }

    @ResetHandler
    void reset() {
        log.collection().drop();
        days.collection().drop();
    }

    @QueryHandler
    public List<AuditEntry> handle(FindAuditLog query) {
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
                for (int n = 0; n < user.getInteger("chunks"); n++) {
                    Document chunk = log.collection().find(eq("_id", chunkId(userKey, day, n))).first();
                    if (chunk != null) {
                        chunk.get("entries", Document.class)
                                .forEach((eventId, entry) -> found.add(view(eventId, (Document) entry)));
                    }
                }
            }
        }
        found.sort(OLDEST_FIRST);
        return found;
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
