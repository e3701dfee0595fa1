package kr.go.gg.training.query.enrollment.projection;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.enrollment.FindRoster;
import kr.go.gg.training.api.enrollment.FindRosterEntry;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.query.privacy.projection.PersonalDataKeys;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Rosters (personal data): {@code rosters}, one document per course with its trainees in enrolment order. An erased
 * trainee keeps its place with {@code erased: true} and null name, organisation and position (docs/privacy.md).
 * A course's roster exists from its proposal (or import: no names, only a headcount), so "no trainees"
 * differs from "no such course". Idempotent by the aggregate sequence number kept in {@code version}.
 */
@Component
@ProcessingGroup(ProcessingGroups.ROSTERS)
public class RosterProjection {

    public static final String ROSTERS = "rosters";

    private final BatchedCollection rosters;
    private final PersonalDataKeys keys;

    public RosterProjection(MongoDatabase readModelDatabase, PersonalDataKeys keys) {
        this.rosters = new BatchedCollection(readModelDatabase.getCollection(ROSTERS));
        this.keys = keys;
    }

    @EventHandler
    void on(CourseProposed e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, trainees -> {
        });
    }

    @EventHandler
    void on(HistoricalCourseImported e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, trainees -> {
        });
    }

    /** Opened with the trainee's key: a replay after the key was destroyed finds nothing to show (erased). */
    @EventHandler
    void on(TraineeEnrolled e, @SequenceNumber long seq) {
        Optional<PersonalData> personal = keys.open(e);
        PersonalData shown = personal.orElse(new PersonalData(null, null, null));
        apply(e.courseId(), seq, trainees -> trainees.add(new Document("traineeId", e.traineeId().value())
                .append("name", shown.name())
                .append("country", e.country())
                .append("organization", shown.organization())
                .append("position", shown.position())
                .append("level", e.level() == null ? null : e.level().name())
                .append("status", TraineeStatus.ENROLLED.name())
                .append("erased", personal.isEmpty())));
    }

    @EventHandler
    void on(TraineeErased e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, trainees -> trainees.stream()
                .filter(t -> e.traineeId().value().equals(t.getString("traineeId")))
                .forEach(t -> t.append("name", null).append("organization", null).append("position", null)
                        .append("erased", true)));
    }

    @EventHandler
    void on(TraineeWithdrawn e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, trainees -> trainees.stream()
                .filter(t -> e.traineeId().value().equals(t.getString("traineeId")))
                .forEach(t -> t.put("status", TraineeStatus.WITHDRAWN.name())));
    }

    @EventHandler
    void on(CourseCompleted e, @SequenceNumber long seq) {
        Set<String> participants = new HashSet<>();
        e.participants().stream().map(TraineeId::value).forEach(participants::add);
        apply(e.courseId(), seq, trainees -> trainees.stream()
                .filter(t -> participants.contains(t.getString("traineeId")))
                .forEach(t -> t.put("status", TraineeStatus.PARTICIPATED.name())));
    }

    @ResetHandler
    void reset() {
        rosters.drop();
    }

    @QueryHandler
    public Roster handle(FindRoster query) {
        Document roster = rosters.collection().find(eq("_id", query.courseId())).first();
        if (roster == null) {
            return null;
        }
        List<RosterEntry> entries = roster.getList("trainees", Document.class).stream()
                .map(t -> new RosterEntry(t.getString("traineeId"), t.getString("name"), t.getString("country"),
                        t.getString("organization"), t.getString("position"),
                        t.getString("level") == null ? null : TraineeLevel.valueOf(t.getString("level")),
                        TraineeStatus.valueOf(t.getString("status")), Boolean.TRUE.equals(t.getBoolean("erased"))))
                .toList();
        return new Roster(query.courseId(), entries);
    }

    /** The key store has the last word on erasure: the roster may not have seen the erasure's event yet. */
    @QueryHandler
    public RosterEntry handle(FindRosterEntry query) {
        Roster roster = handle(new FindRoster(query.courseId()));
        RosterEntry entry = roster == null ? null : roster.trainees().stream()
                .filter(t -> t.traineeId().equals(query.traineeId())).findFirst().orElse(null);
        if (entry == null || entry.erased() || !keys.destroyed(entry.traineeId())) {
            return entry;
        }
        return new RosterEntry(entry.traineeId(), null, entry.country(), null, null, entry.level(), entry.status(), true);
    }

    private void apply(CourseId courseId, long seq, Consumer<List<Document>> change) {
        // the stream's first event (proposal or import) starts the fold afresh: see BatchedCollection.startNew
        Document roster = seq == 0 ? rosters.startNew(courseId.value()) : rosters.findOrNew(courseId.value());
        Long version = roster.getLong("version");
        if (version != null && seq <= version) {
            return; // delivered before
        }
        List<Document> trainees = new ArrayList<>(roster.getList("trainees", Document.class, List.of()));
        change.accept(trainees);
        roster.put("trainees", trainees);
        roster.put("version", seq);
        rosters.save(roster);
    }
}
