package kr.go.gg.training.support.keys;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Keys as the readers of sealed data ask for them, and the health indicator {@code personalDataKeys}: a subject
 * whose sealed data finds no row at all (neither key nor tombstone) means the key store was lost or is not the one
 * the events were written with. That is never taken for an erasure silently: the subject reads as erased (nothing
 * can open it), a warning names its id (never its data), and the indicator is DOWN until the process restarts
 * with the store restored from its backup (docs/privacy.md).
 */
public class SubjectKeyLookup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeyLookup.class);
    private static final int MAX_LISTED = 1000;

    /** {@code key}: null when destroyed or missing; {@code destroyed}: a tombstone says so. */
    public record Found(byte[] key, boolean destroyed) {
    }

    private final SubjectKeyStore store;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    public SubjectKeyLookup(SubjectKeyStore store) {
        this.store = store;
    }

    /** {@code sealed}: the subject's data is sealed, so a key must exist or have been destroyed. */
    public Found find(String subject, boolean sealed) {
        Optional<SubjectKey> row = store.find(subject);
        if (row.isEmpty()) {
            if (sealed && missing.size() < MAX_LISTED && missing.add(subject)) {
                log.warn("No key and no erasure record for subject {}: the key store is not the one its data was sealed"
                        + " with (restore it from its backup, docs/privacy.md); the subject reads as erased", subject);
            }
            return new Found(null, false);
        }
        return new Found(row.get().key(), row.get().destroyed());
    }

    public SubjectKeyStore store() {
        return store;
    }

    @Override
    public Health health() {
        if (missing.isEmpty()) {
            return Health.up().withDetail("keys", store.size()).build();
        }
        return Health.down().withDetail("subjectsWithoutKey", missing.size())
                .withDetail("action", "restore the key store from its backup (docs/privacy.md)").build();
    }
}
