package kr.go.gg.training.query.privacy.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.privacy.ErasureRecord;
import kr.go.gg.training.api.privacy.Erasures;
import kr.go.gg.training.api.privacy.FindErasures;
import kr.go.gg.training.api.privacy.FindPersonalData;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.PersonalDataReport;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code personalData}: one document per trainee for subject-access requests and the destruction log. It keeps
 * the personal fields only sealed, as the event has them, and opens them at answer time, so this collection never
 * holds them in plain text; an erasure removes even the sealed form and records who, when and why. Part of the
 * rosters' processing group (replayed with them: the same personal data).
 */
@Component
@ProcessingGroup(ProcessingGroups.ROSTERS)
public class PersonalDataProjection {

    public static final String PERSONAL_DATA = "personalData";

    private final BatchedCollection trainees;
    private final PersonalDataKeys keys;

    public PersonalDataProjection(MongoDatabase readModelDatabase, PersonalDataKeys keys) {
        this.trainees = new BatchedCollection(readModelDatabase.getCollection(PERSONAL_DATA));
        this.keys = keys;
    }

    @EventHandler
    void on(TraineeEnrolled e, @SequenceNumber long seq, @Timestamp Instant at) {
        Document trainee = trainees.startNew(e.traineeId().value()).append("courseId", e.courseId().value())
                .append("country", e.country()).append("level", e.level() == null ? null : e.level().name())
                .append("status", TraineeStatus.ENROLLED.name()).append("enrolledAt", Date.from(at))
                .append("erased", false).append("version", seq);
        if (e.personal() != null) {
            trainee.append("nonce", e.personal().nonce()).append("ciphertext", e.personal().ciphertext());
        }
        if (e.unencrypted() != null) { // a sealed event's fields stay sealed here: no key lookup, nothing decrypted
            keys.open(e).ifPresent(plain -> trainee.append("unencrypted", new Document("name", plain.name())
                    .append("organization", plain.organization()).append("position", plain.position())));
        }
        trainees.save(trainee);
    }

    @EventHandler
    void on(TraineeWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        change(e.traineeId(), seq, trainee -> trainee.append("status", TraineeStatus.WITHDRAWN.name())
                .append("withdrawnAt", Date.from(at)));
    }

    @EventHandler
    void on(CourseCompleted e, @SequenceNumber long seq) {
        e.participants().forEach(id -> change(id, seq, trainee -> trainee.append("status", TraineeStatus.PARTICIPATED.name())));
    }

    @EventHandler
    void on(TraineeErased e, @SequenceNumber long seq) {
        change(e.traineeId(), seq, trainee -> {
            trainee.remove("nonce");
            trainee.remove("ciphertext");
            trainee.remove("unencrypted");
            trainee.append("erased", true).append("erasedAt", Date.from(e.erasedAt())).append("by", e.by())
                    .append("reason", e.reason());
        });
    }

    private void change(TraineeId id, long seq, java.util.function.Consumer<Document> change) {
        Document trainee = trainees.find(id.value());
        if (trainee == null || trainee.getLong("version") >= seq) {
            return; // delivered before
        }
        change.accept(trainee);
        trainee.put("version", seq);
        trainees.save(trainee);
    }

    @ResetHandler
    void reset() {
        trainees.drop();
    }

    @QueryHandler
    public PersonalDataReport handle(FindPersonalData query) {
        Document trainee = trainees.collection().find(and(eq("_id", query.traineeId()), eq("courseId", query.courseId()))).first();
        return trainee == null ? null : report(trainee);
    }

    @QueryHandler
    public Erasures handle(FindErasures query) {
        List<ErasureRecord> erasures = trainees.collection().find(eq("erased", true)).sort(Sorts.ascending("erasedAt"))
                .map(PersonalDataProjection::erasure).into(new ArrayList<>());
        return new Erasures(erasures);
    }

    private PersonalDataReport report(Document trainee) {
        String traineeId = trainee.getString("_id");
        boolean erased = Boolean.TRUE.equals(trainee.getBoolean("erased"));
        Optional<PersonalData> personal = erased ? Optional.empty() : opened(traineeId, trainee);
        PersonalData shown = personal.orElse(new PersonalData(null, null, null));
        String level = trainee.getString("level");
        return new PersonalDataReport(trainee.getString("courseId"), traineeId, shown.name(), trainee.getString("country"),
                shown.organization(), shown.position(), level == null ? null : TraineeLevel.valueOf(level),
                TraineeStatus.valueOf(trainee.getString("status")), instant(trainee.getDate("enrolledAt")),
                instant(trainee.getDate("withdrawnAt")), personal.isEmpty(), erased ? erasure(trainee) : null);
    }

    private Optional<PersonalData> opened(String traineeId, Document trainee) {
        Document plain = trainee.get("unencrypted", Document.class);
        if (plain != null) {
            return Optional.of(new PersonalData(plain.getString("name"), plain.getString("organization"), plain.getString("position")));
        }
        String ciphertext = trainee.getString("ciphertext");
        return ciphertext == null ? Optional.empty()
                : keys.open(traineeId, new SealedPersonalData(trainee.getString("nonce"), ciphertext));
    }

    private static ErasureRecord erasure(Document trainee) {
        return new ErasureRecord(trainee.getString("courseId"), trainee.getString("_id"), instant(trainee.getDate("erasedAt")),
                trainee.getString("by"), trainee.getString("reason"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
