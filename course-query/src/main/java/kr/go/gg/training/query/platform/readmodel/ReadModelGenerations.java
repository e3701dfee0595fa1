package kr.go.gg.training.query.platform.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * Which generation of each projection's collections is live ({@value #COLLECTION}: one document per projection,
 * {@code {_id: projection, live: n, collections: [...], building: {...}}}). Generation 0 is the plain collection name
 * (what every database held before generations existed); generation n is {@code name__g<n>}. A rebuild writes
 * generation live+1 beside the live one and switches the pointer when it has caught up (platform.replay), so queries
 * read a complete generation at every moment.
 * <p>
 * Every node reads the pointer from the shared database: a query uses the pointer as read at most
 * {@link #REFRESH_MILLIS} ago (one find by id, at most that often per projection), and a processor reads it afresh
 * whenever it claims a segment ({@link ClaimWatchingTokenStore}). A switch happens while the projection's processor is
 * stopped on every node, so the first batch after it writes the new generation, wherever it runs; a node that still
 * answers from the old generation does so for at most {@link #REFRESH_MILLIS}, and the old one is dropped only after
 * a longer grace period.
 */
public final class ReadModelGenerations {

    public static final String COLLECTION = "readmodel_generations";
    static final long REFRESH_MILLIS = 500;
    /** In a pointer: the live generation is not a complete read model ({@link #markIncomplete}). */
    static final String INCOMPLETE = "incomplete";
    private static final String SUFFIX = "__g";

    private final MongoDatabase database;
    private final MongoCollection<Document> pointers;
    private final LongSupplier clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** {@code complete}: false while the live generation is not a full read model (see {@link #markIncomplete}). */
    private record Known(int live, boolean complete, long readAt) {
    }

    public ReadModelGenerations(MongoDatabase database) {
        this(database, System::currentTimeMillis);
    }

    ReadModelGenerations(MongoDatabase database, LongSupplier clock) {
        this.database = database;
        this.pointers = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The collection {@code base} of generation {@code generation}. */
    public static String name(String base, int generation) {
        return generation == 0 ? base : base + SUFFIX + generation;
    }

    public MongoCollection<Document> collection(String base, int generation) {
        return database.getCollection(name(base, generation));
    }

    /** The live generation of {@code projection}, as read at most {@link #REFRESH_MILLIS} ago. */
    public int live(String projection) {
        return known(projection).live();
    }

    /**
     * Whether the live generation of {@code projection} is a complete read model, as read at most
     * {@link #REFRESH_MILLIS} ago: false from {@link #markIncomplete} until a rebuild switches.
     */
    public boolean complete(String projection) {
        return known(projection).complete();
    }

    private Known known(String projection) {
        Known k = known.get(projection);
        if (k == null || clock.getAsLong() - k.readAt() >= REFRESH_MILLIS) {
            refresh(projection);
            k = known.get(projection);
        }
        return k;
    }

    /** Reads the pointer of {@code projection} now (a processor claiming a segment: see the class comment). */
    public int refresh(String projection) {
        Document pointer = pointer(projection);
        int live = pointer == null ? 0 : pointer.getInteger("live", 0);
        boolean complete = pointer == null || !pointer.getBoolean(INCOMPLETE, false);
        known.put(projection, new Known(live, complete, clock.getAsLong()));
        return live;
    }

    /**
     * Marks the live generation of {@code projection} as no complete read model (its stored layout is one the code no
     * longer reads, platform.layout): queries are refused until the rebuild that follows switches
     * ({@link #switchTo} clears the mark). In the shared pointer, so every node refuses alike.
     */
    public void markIncomplete(String projection) {
        pointers.updateOne(eq("_id", projection), Updates.set(INCOMPLETE, true), new UpdateOptions().upsert(true));
        refresh(projection);
    }

    /** The pointer document of {@code projection}, or null while it has never been rebuilt. */
    public Document pointer(String projection) {
        return pointers.find(eq("_id", projection)).first();
    }

    /** Notes that {@code projection} writes {@code base} (so a switch knows which collections to drop). */
    void owns(String projection, String base) {
        pointers.updateOne(eq("_id", projection), Updates.addToSet("collections", base), new UpdateOptions().upsert(true));
    }

    /** The collections {@code projection} writes, as far as noted. */
    public List<String> collections(String projection) {
        Document pointer = pointer(projection);
        return pointer == null ? List.of() : new ArrayList<>(pointer.getList("collections", String.class, List.of()));
    }

    /**
     * Makes {@code generation} live for {@code projection} and removes the rebuild's record, if the pointer still
     * names {@code expectedBuilder}'s rebuild of that generation (a rebuild another node has taken over switches
     * nothing). Returns whether it switched.
     */
    public boolean switchTo(String projection, int generation, String expectedBuilder) {
        boolean switched = pointers.updateOne(
                com.mongodb.client.model.Filters.and(eq("_id", projection), eq("building.generation", generation),
                        eq("building.owner", expectedBuilder)),
                Updates.combine(Updates.set("live", generation), Updates.unset("building"), Updates.unset(INCOMPLETE)))
                .getModifiedCount() == 1;
        if (switched) {
            known.put(projection, new Known(generation, true, clock.getAsLong()));
        }
        return switched;
    }

    /** The pointer collection itself, for the rebuild's record ({@code building}) in platform.replay. */
    public MongoCollection<Document> pointers() {
        return pointers;
    }

    /** The rebuild record of {@code projection}, if one is on record. */
    public Optional<Document> building(String projection) {
        Document pointer = pointer(projection);
        return Optional.ofNullable(pointer == null ? null : pointer.get("building", Document.class));
    }
}
