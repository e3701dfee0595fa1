package kr.go.gg.training.query;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.support.keys.JdbcSubjectKeyStore;
import kr.go.gg.training.support.keys.SubjectKeyStore;

/** Enrolment events as the command side appends them, for the projection tests. */
public final class TestEnrolments {

    private TestEnrolments() {
    }

    /** Sealed with a key made in {@code keys} (the store the projections read), as the aggregate does. */
    public static TraineeEnrolled sealed(SubjectKeyStore keys, CourseId course, TraineeId id, Trainee trainee, int enrolled) {
        byte[] key = keys.create(id.value(), course.value());
        return new TraineeEnrolled(course, id, trainee.country(), trainee.level(),
                SealedPersonalData.seal(personal(trainee), key, id.value()), null, enrolled);
    }

    /** The form of an event stored before sealing (revision 1 upcast): for tests that do not look at names. */
    public static TraineeEnrolled plain(CourseId course, TraineeId id, Trainee trainee, int enrolled) {
        return new TraineeEnrolled(course, id, trainee.country(), trainee.level(), null, personal(trainee), enrolled);
    }

    /** A key store of its own on an in-memory H2 database, as the embedded default keeps it beside the events. */
    public static JdbcSubjectKeyStore keyStore() {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:keys-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
        store.afterPropertiesSet();
        return store;
    }

    private static PersonalData personal(Trainee trainee) {
        return new PersonalData(trainee.name(), trainee.organization(), trainee.position());
    }
}
