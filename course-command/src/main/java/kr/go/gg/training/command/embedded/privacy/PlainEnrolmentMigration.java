package kr.go.gg.training.command.embedded.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-time migration of the embedded default: every {@code TraineeEnrolled} stored before sealing (revision 0
 * or 1, plain personal fields) is rewritten in place as revision 2, sealed with a new key per trainee, in one
 * transaction with the record of the migration ({@value #RECORD_TABLE}); the retention of completed courses starts
 * at their completion. Then the file is compacted, so no old chunk keeps the plain bytes ({@link FileRewrite}). The
 * one exception to "never edit stored events" (docs/schema-evolution.md): an event's meaning, id, time and
 * position stay; only the form of the personal fields changes. Runs at start, before any processor reads.
 */
public class PlainEnrolmentMigration {

    static final String NAME = "seal-trainee-enrolments";
    static final String RECORD_TABLE = "PrivacyMigration";
    private static final Logger log = LoggerFactory.getLogger(PlainEnrolmentMigration.class);
    private static final String ENROLLED = TraineeEnrolled.class.getName();

    private record Row(long globalIndex, String courseId, long sequence, String revision, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final SubjectKeyStore keys;

    public PlainEnrolmentMigration(JdbcTemplate jdbc, TransactionTemplate transaction, Serializer serializer,
                                   EventUpcaster upcasters, SubjectKeyStore keys) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.keys = keys;
    }

    /** Migrates unless recorded as done; answers how many events it rewrote (0 when done before). */
    public int runOnce() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + RECORD_TABLE
                + " (name VARCHAR(64) PRIMARY KEY, doneAt TIMESTAMP WITH TIME ZONE NOT NULL, events INT NOT NULL)");
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM " + RECORD_TABLE + " WHERE name = ?", Integer.class, NAME);
        if (done != null && done > 0) {
            return 0;
        }
        Integer rewritten = transaction.execute(status -> migrate());
        log.info("Personal data: {} enrolments stored in plain text were sealed with keys per trainee", rewritten);
        return rewritten == null ? 0 : rewritten;
    }

    private int migrate() {
        List<Row> rows = jdbc.query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadRevision, payload"
                        + " FROM DomainEventEntry WHERE payloadType = ? AND payloadRevision IN ('0', '1') ORDER BY globalIndex",
                (row, number) -> new Row(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4), row.getBytes(5)),
                ENROLLED);
        for (Row row : rows) {
            TraineeEnrolled plain = current(row);
            String traineeId = plain.traineeId().value();
            SealedPersonalData sealed = SealedPersonalData.seal(plain.unencrypted(), keys.create(traineeId, row.courseId()), traineeId);
            SerializedObject<byte[]> rewritten = serializer.serialize(new TraineeEnrolled(plain.courseId(), plain.traineeId(),
                    plain.country(), plain.level(), sealed, null, plain.enrolled()), byte[].class);
            jdbc.update("UPDATE DomainEventEntry SET payload = ?, payloadRevision = ? WHERE globalIndex = ?",
                    rewritten.getData(), rewritten.getType().getRevision(), row.globalIndex());
        }
        jdbc.query("SELECT aggregateIdentifier, timeStamp FROM DomainEventEntry WHERE payloadType = ?",
                (java.sql.ResultSet row) -> {
                    keys.startRetention(row.getString(1), Instant.parse(row.getString(2)));
                }, CourseCompleted.class.getName());
        jdbc.update("INSERT INTO " + RECORD_TABLE + " (name, doneAt, events) VALUES (?, ?, ?)",
                NAME, java.sql.Timestamp.from(Instant.now()), rows.size());
        return rows.size();
    }

    /** The stored row read as Axon reads it: through the upcaster chain, into the current record. */
    private TraineeEnrolled current(Row row) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Course", row.courseId(), row.sequence(),
                "migration-" + row.globalIndex(), Instant.EPOCH, ENROLLED, row.revision(), row.payload(),
                "{}".getBytes(StandardCharsets.UTF_8));
        IntermediateEventRepresentation upcast = upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
        return serializer.deserialize(upcast.getData());
    }
}
