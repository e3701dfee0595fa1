package kr.go.gg.training.api.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The metadata every sender of a command stamps, whichever process it runs in (the command side's HTTP layer, the
 * query side's web pages): who sent it and the request's correlation id, copied into every event for the history;
 * and an Idempotency-Key with its user and fingerprint, which the aggregate remembers in its own events. One copy
 * here so both senders stamp exactly alike (docs/design.md "Idempotency-Key").
 */
public final class CommandMetaData {

    public static final String USER = "user";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_USER = "idempotencyUser";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String IDEMPOTENCY_FINGERPRINT = "idempotencyFingerprint";

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private CommandMetaData() {
    }

    /** An Idempotency-Key is 1 to 200 visible ASCII characters. */
    public static boolean isValidKey(String key) {
        return key != null && VALID_KEY.matcher(key).matches();
    }

    public static Map<String, Object> idempotency(String user, String key, String fingerprint) {
        return Map.of(IDEMPOTENCY_USER, user, IDEMPOTENCY_KEY, key, IDEMPOTENCY_FINGERPRINT, fingerprint);
    }

    /**
     * The id a new aggregate gets when its creation carries a key: the same user, key and target (method and path)
     * always give the same id. The target keeps a course and an agreement made with one key apart (Axon Server keeps
     * every aggregate's events under its id alone).
     */
    public static String derivedId(String user, String key, String target) {
        return UUID.nameUUIDFromBytes(("idempotency\n" + user + "\n" + key + "\n" + target).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The same request is the same target (method and path) and the same body, as JSON (null: none). */
    public static String fingerprint(String target, String json) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((target + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(json).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
