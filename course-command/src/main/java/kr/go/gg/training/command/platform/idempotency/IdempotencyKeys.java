package kr.go.gg.training.command.platform.idempotency;

import java.util.Map;

import kr.go.gg.training.api.command.CommandMetaData;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

/**
 * How an Idempotency-Key travels: as metadata of the command and, copied by a correlation data provider, of every
 * event the command appends. The aggregate remembers the keys its own events carry ({@link AnsweredKeys}), so the
 * record of a key is stored in the very append it belongs to, on any event store, and found by whichever node
 * handles the aggregate next. A creation's aggregate id is derived from the user and the key ({@link #derivedId}),
 * so a retried creation finds the aggregate its first attempt made.
 */
public final class IdempotencyKeys {

    public static final String USER = CommandMetaData.IDEMPOTENCY_USER;
    public static final String KEY = CommandMetaData.IDEMPOTENCY_KEY;
    public static final String FINGERPRINT = CommandMetaData.IDEMPOTENCY_FINGERPRINT;

    private IdempotencyKeys() {
    }

    public static Map<String, Object> metaData(String user, String key, String fingerprint) {
        return CommandMetaData.idempotency(user, key, fingerprint);
    }

    /**
     * The id a new aggregate gets when its creation carries a key: the same user, key and target (method and path)
     * always give the same id. The target keeps a course and an agreement made with one key apart (Axon Server keeps
     * every aggregate's events under its id alone).
     */
    public static String derivedId(String user, String key, String target) {
        return CommandMetaData.derivedId(user, key, target);
    }

    /** The user-scoped key a message carries, or null. */
    static String scopedKey(Message<?> message) {
        MetaData metaData = message.getMetaData();
        return metaData.get(KEY) instanceof String key && metaData.get(USER) instanceof String user ? user + "\n" + key : null;
    }
}
