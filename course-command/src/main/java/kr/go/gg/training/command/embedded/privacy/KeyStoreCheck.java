package kr.go.gg.training.command.embedded.privacy;

import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.support.keys.SubjectKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lost key store is an operator's event, never a silent mass erasure: when the events hold sealed enrolments
 * but the key table holds no row at all (it was dropped, or the file was restored from a backup of the events
 * alone), the command side refuses to start and says what to do (docs/privacy.md: restore the table from the
 * same backup as the events). {@code course.privacy.accept-lost-keys=true} starts anyway: every such trainee
 * then reads as erased and the health indicator {@code personalDataKeys} is DOWN.
 */
public class KeyStoreCheck {

    private static final Logger log = LoggerFactory.getLogger(KeyStoreCheck.class);

    private final JdbcTemplate jdbc;
    private final SubjectKeyStore keys;
    private final boolean acceptLostKeys;

    public KeyStoreCheck(JdbcTemplate jdbc, SubjectKeyStore keys, boolean acceptLostKeys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.acceptLostKeys = acceptLostKeys;
    }

    public void requireKeysForSealedEvents() {
        if (keys.size() > 0) {
            return;
        }
        Integer sealed = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ? AND payloadRevision = '2'",
                Integer.class, TraineeEnrolled.class.getName());
        if (sealed == null || sealed == 0) {
            return;
        }
        String problem = "The event store holds " + sealed + " sealed enrolments but the personal-data key store is empty:"
                + " restore it from the backup taken with the events (docs/privacy.md)";
        if (!acceptLostKeys) {
            throw new IllegalStateException(problem + ", or start with course.privacy.accept-lost-keys=true to show"
                    + " those trainees as erased");
        }
        log.error("{}; starting anyway (course.privacy.accept-lost-keys=true): they read as erased", problem);
    }
}
