package kr.go.gg.training.query.platform.layout;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.readmodel.StoredTokens;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/**
 * Rebuilds, on upgrade, a read model whose stored shape the code no longer writes. {@code read_model_layouts}, beside
 * the processors' tokens, holds one document per projection: {@code {_id: name, layout: n}} (none: layout 1, the
 * shapes before versions were stored). Before any processor starts, each projection's stored layout is compared with
 * its code's ({@link ReadModelLayout}); once the application is ready, every projection that differs is replayed
 * from the first event through {@link ProjectionAdmin#replay} (the admin path's own entry, so it is rebuilt as any
 * replay is), and only then is its new layout stored: a crash before that replays it again at the next start. A read
 * model that has handled no event yet (no token) needs no rebuild: its layout is stored at once.
 * <p>
 * Several query nodes starting at once may each find the old layout and each ask for the replay; a second request
 * widens the first (see {@link ProjectionAdmin}), which costs a restart of the rebuild, nothing else. A replay that
 * cannot start (another node did not stop in time) leaves the old layout stored, so the next start tries again.
 */
@Component
public class ReadModelLayouts implements SmartInitializingSingleton {

    /** The collection of the projections' stored layout versions, beside the tokens. */
    public static final String LAYOUTS = "read_model_layouts";
    private static final Logger log = LoggerFactory.getLogger(ReadModelLayouts.class);

    private final MongoDatabase database;
    private final MongoCollection<Document> layouts;
    private final StoredTokens storedTokens;
    private final ProjectionAdmin admin;
    private final ReadModelGenerations generations;
    private final ApplicationContext context;
    /** The projections found at start with another layout than their code's: name -> the code's layout. */
    private final Map<String, Integer> toRebuild = new HashMap<>();

    public ReadModelLayouts(MongoDatabase readModelDatabase, StoredTokens storedTokens, ProjectionAdmin admin,
                            ReadModelGenerations generations, ApplicationContext context) {
        this.generations = generations;
        this.database = readModelDatabase;
        this.layouts = readModelDatabase.getCollection(LAYOUTS);
        this.storedTokens = storedTokens;
        this.admin = admin;
        this.context = context;
    }

    /** Before the processors start: which read models are stored with another layout. */
    @Override
    public void afterSingletonsInstantiated() {
        Map<String, ReadModelLayout> code = codeLayouts();
        List<String> processors = new ArrayList<>(ProcessingGroups.ALL);
        processors.add(ProcessingGroups.FORMER_SHARED_PROCESSOR);
        Map<String, Map<Integer, TrackingToken>> tokens = storedTokens.tokens(processors);
        boolean sharedHandledEvents = handledEvents(tokens, ProcessingGroups.FORMER_SHARED_PROCESSOR);
        for (String projection : ProcessingGroups.ALL) {
            ReadModelLayout layout = code.get(projection);
            int written = layout == null ? 1 : layout.value();
            int stored = stored(projection);
            if (stored == written) {
                continue;
            }
            if (layout != null) {
                dropReplaced(layout);
            }
            // its own processor's token, or (an upgrade) that of the one processor all read models ran on before
            if (sharedHandledEvents || handledEvents(tokens, projection)) {
                log.info("Read model {} is stored in layout {}, the code writes layout {}: rebuilt once the application is ready",
                        projection, stored, written);
                toRebuild.put(projection, written);
                // what the live generation holds is of the old layout, or what the processor adds from here on:
                // queries answer 503 until the rebuild switches, never a half-built model
                generations.markIncomplete(projection);
            } else {
                store(projection, written);
            }
        }
    }

    /** Once every processor runs: the replays, then the new layouts. */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildChangedLayouts() {
        for (String name : List.copyOf(new java.util.TreeSet<>(toRebuild.keySet()))) {
            try {
                admin.replay(name);
                store(name, toRebuild.remove(name));
            } catch (ProjectionAdmin.ReplayNotPossible e) {
                log.warn("Read model {} not rebuilt for its new layout ({}); the next start tries again, or replay it: "
                        + "POST /api/admin/projections/{}/replay", name, e.getMessage(), name);
            }
        }
    }

    /** The collections of earlier layouts: the new code reads none of them, so they go at once. */
    private void dropReplaced(ReadModelLayout layout) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        Arrays.stream(layout.replaces()).filter(existing::contains).forEach(name -> database.getCollection(name).drop());
    }

    private static boolean handledEvents(Map<String, Map<Integer, TrackingToken>> tokens, String processor) {
        return tokens.getOrDefault(processor, Map.of()).values().stream().anyMatch(Objects::nonNull);
    }

    /** The {@link ReadModelLayout} of each projection that has one (the others write layout 1). */
    private Map<String, ReadModelLayout> codeLayouts() {
        Map<String, ReadModelLayout> code = new HashMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(bean.getClass(), ProcessingGroup.class);
            ReadModelLayout layout = AnnotationUtils.findAnnotation(bean.getClass(), ReadModelLayout.class);
            if (group != null && layout != null && ProcessingGroups.ALL.contains(group.value())) {
                code.put(group.value(), layout);
            }
        }
        return code;
    }

    /** The stored layout of the projection; 1 when none is stored. */
    public int stored(String projection) {
        Document stored = layouts.find(Filters.eq("_id", projection)).first();
        return stored == null ? 1 : stored.getInteger("layout", 1);
    }

    private void store(String projection, int layout) {
        try {
            layouts.replaceOne(Filters.eq("_id", projection), new Document("_id", projection).append("layout", layout),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another node stored it at the same moment: the same layout
        }
    }
}
