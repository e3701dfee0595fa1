package kr.go.gg.training.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.support.keys.JdbcSubjectKeyStore;
import kr.go.gg.training.support.keys.SubjectKey;
import kr.go.gg.training.support.keys.SubjectKeyLookup;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainees' keys on the embedded default's key store, and what an enrolment costs it. */
class StoredTraineeKeysTest {

    private static final CourseId COURSE = new CourseId("c-1");
    private static final PersonalData KIM = new PersonalData("Kim Minh", "Hanoi City", "Director");

    @TempDir
    Path dir;
    private final AtomicInteger finds = new AtomicInteger();
    private StoredTraineeKeys keys;

    @BeforeEach
    void open() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0");
        JdbcSubjectKeyStore store = new JdbcSubjectKeyStore(dataSource);
        store.afterPropertiesSet();
        keys = new StoredTraineeKeys(new SubjectKeyLookup(new FindCounting(store)));
    }

    private static TraineeEnrolled enrolled(TraineeId trainee, SealedPersonalData sealed) {
        return new TraineeEnrolled(COURSE, trainee, "Vietnam", TraineeLevel.values()[0], sealed, null, 1);
    }

    @Test
    void the_enrolment_a_command_just_sealed_opens_without_reading_the_key_store() {
        TraineeId trainee = TraineeId.random();
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("enrol"));
        SealedPersonalData sealed = keys.seal(COURSE, trainee, KIM);
        assertThat(keys.open(enrolled(trainee, sealed))).contains(KIM);
        command.commit();
        assertThat(finds).as("a new subject's key is inserted, never looked up").hasValue(0);

        assertThat(keys.open(enrolled(trainee, sealed))).as("a later reader asks the store").contains(KIM);
        assertThat(finds).hasValue(1);
    }

    @Test
    void a_trainee_erased_later_in_the_same_unit_of_work_no_longer_opens() {
        TraineeId trainee = TraineeId.random();
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("enrol and erase"));
        SealedPersonalData sealed = keys.seal(COURSE, trainee, KIM);
        keys.destroy(COURSE, trainee, Instant.now());
        assertThat(keys.open(enrolled(trainee, sealed))).isEmpty();
        command.commit();
    }

    @Test
    void a_retried_enrolment_seals_with_the_key_the_first_attempt_made() {
        TraineeId trainee = TraineeId.random();
        SealedPersonalData first = keys.seal(COURSE, trainee, KIM);
        SealedPersonalData again = keys.seal(COURSE, trainee, KIM);
        assertThat(List.of(keys.open(enrolled(trainee, first)), keys.open(enrolled(trainee, again))))
                .containsOnly(Optional.of(KIM));
    }

    /** The store as it is, its finds counted. */
    private final class FindCounting implements SubjectKeyStore {
        private final SubjectKeyStore store;

        FindCounting(SubjectKeyStore store) {
            this.store = store;
        }

        @Override
        public boolean insertNew(String subject, String scope, byte[] key) {
            return store.insertNew(subject, scope, key);
        }

        @Override
        public Optional<SubjectKey> find(String subject) {
            finds.incrementAndGet();
            return store.find(subject);
        }

        @Override
        public void destroy(String subject, String scope, Instant at) {
            store.destroy(subject, scope, at);
        }

        @Override
        public void startRetention(String scope, Instant from) {
            store.startRetention(scope, from);
        }

        @Override
        public List<SubjectKey> retentionBegunBefore(Instant cutoff, int limit) {
            return store.retentionBegunBefore(cutoff, limit);
        }

        @Override
        public long size() {
            return store.size();
        }
    }
}
