package kr.go.gg.training.query.enrollment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.FindRoster;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.query.MongoProjectionTest;
import kr.go.gg.training.query.TestEnrolments;
import kr.go.gg.training.query.privacy.projection.PersonalDataKeys;
import kr.go.gg.training.support.keys.JdbcSubjectKeyStore;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RosterProjectionTest extends MongoProjectionTest {

    private static final CourseId COURSE = new CourseId("c1");
    private final JdbcSubjectKeyStore keys = TestEnrolments.keyStore();
    private RosterProjection projection;

    @BeforeEach
    void setUp() {
        projection = new RosterProjection(database, new PersonalDataKeys(new SubjectKeyLookup(keys)));
    }

    private TraineeEnrolled enrolled(String id, String name, TraineeLevel level, int count) {
        return TestEnrolments.sealed(keys, COURSE, new TraineeId(id), new Trainee(name, "Peru", "Ministry", "Officer", level), count);
    }

    @Test
    void anErasedTraineeKeepsItsPlaceWithoutPersonalFields() {
        deliver(projection, event("c1", new CourseProposed(COURSE, "T", Program.KOICA, Direction.INBOUND, "Peru", 5, 2026)));
        deliver(projection, event("c1", enrolled("t1", "Ana", TraineeLevel.MID_LEVEL, 1)),
                event("c1", enrolled("t2", "Luis", TraineeLevel.HIGH_RANKING, 2)));
        keys.destroy("t1", "c1", Instant.now());
        deliver(projection, event("c1", new TraineeErased(COURSE, new TraineeId("t1"), Instant.now(), "admin", "asked")));

        assertThat(projection.handle(new FindRoster("c1")).trainees()).containsExactly(
                new RosterEntry("t1", null, "Peru", null, null, TraineeLevel.MID_LEVEL, TraineeStatus.ENROLLED, true),
                new RosterEntry("t2", "Luis", "Peru", "Ministry", "Officer", TraineeLevel.HIGH_RANKING, TraineeStatus.ENROLLED, false));
    }

    @Test
    void aReplayAfterTheKeyWasDestroyedShowsTheTraineeErased() {
        TraineeEnrolled ana = enrolled("t1", "Ana", TraineeLevel.MID_LEVEL, 1);
        keys.destroy("t1", "c1", Instant.now());

        deliver(projection, event("c1", new CourseProposed(COURSE, "T", Program.KOICA, Direction.INBOUND, "Peru", 5, 2026)),
                event("c1", ana));

        assertThat(projection.handle(new FindRoster("c1")).trainees()).containsExactly(
                new RosterEntry("t1", null, "Peru", null, null, TraineeLevel.MID_LEVEL, TraineeStatus.ENROLLED, true));
    }

    @Test
    void traineesAreEnrolledWithdrawnAndCountedAsParticipants() {
        deliver(projection, event("c1", new CourseProposed(COURSE, "T", Program.KOICA, Direction.INBOUND, "Peru", 5, 2026)));
        assertThat(projection.handle(new FindRoster("c1"))).isEqualTo(new Roster("c1", List.of()));

        deliver(projection, event("c1", enrolled("t1", "Ana", TraineeLevel.MID_LEVEL, 1)),
                event("c1", enrolled("t2", "Luis", TraineeLevel.HIGH_RANKING, 2)),
                event("c1", enrolled("t3", "Rosa", null, 3)));
        deliver(projection, event("c1", new TraineeWithdrawn(COURSE, new TraineeId("t2"), "visa", 2)));
        deliver(projection, event("c1", new CourseCompleted(COURSE, Program.KOICA, Direction.INBOUND, "Peru",
                period("2026-05-04", "2026-05-15"), List.of(new TraineeId("t1"), new TraineeId("t3")))));

        assertThat(projection.handle(new FindRoster("c1")).trainees()).containsExactly(
                new RosterEntry("t1", "Ana", "Peru", "Ministry", "Officer", TraineeLevel.MID_LEVEL, TraineeStatus.PARTICIPATED, false),
                new RosterEntry("t2", "Luis", "Peru", "Ministry", "Officer", TraineeLevel.HIGH_RANKING, TraineeStatus.WITHDRAWN, false),
                new RosterEntry("t3", "Rosa", "Peru", "Ministry", "Officer", null, TraineeStatus.PARTICIPATED, false));
        assertThat(projection.handle(new FindRoster("unknown"))).isNull();
    }

    @Test
    void anImportedCourseHasAnEmptyRoster() {
        deliver(projection, event("h", new HistoricalCourseImported(new CourseId("h"), "H", Program.CHINA_EXCHANGE,
                Direction.INBOUND, "Hebei", period("2015-01-05", "2015-01-09"), 9, "seed")));
        assertThat(projection.handle(new FindRoster("h"))).isEqualTo(new Roster("h", List.of()));
    }

    @Test
    void duplicateDeliveryAndReplayLeaveTheSameDocuments() {
        var proposed = event("c1", new CourseProposed(COURSE, "T", Program.KOICA, Direction.INBOUND, "Peru", 5, 2026));
        var first = event("c1", enrolled("t1", "Ana", TraineeLevel.MID_LEVEL, 1));
        var second = event("c1", enrolled("t2", "Luis", TraineeLevel.MID_LEVEL, 2));
        var withdrawn = event("c1", new TraineeWithdrawn(COURSE, new TraineeId("t1"), "visa", 1));
        deliver(projection, proposed, first, second, withdrawn);
        var once = documents(RosterProjection.ROSTERS);

        deliver(projection, first, second); // must neither add Ana twice nor re-enrol her
        deliver(projection, stream);
        assertThat(documents(RosterProjection.ROSTERS)).isEqualTo(once);
        assertThat(projection.handle(new FindRoster("c1")).trainees()).extracting(RosterEntry::status)
                .containsExactly(TraineeStatus.WITHDRAWN, TraineeStatus.ENROLLED);

        replay(projection, 3);
        assertThat(documents(RosterProjection.ROSTERS)).isEqualTo(once);
    }
}
