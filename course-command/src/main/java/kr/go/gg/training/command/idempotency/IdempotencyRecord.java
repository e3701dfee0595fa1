package kr.go.gg.training.command.idempotency;

/** The first answer given to a user's Idempotency-Key, with the fingerprint of the request that earned it. */
public record IdempotencyRecord(String user, String key, String fingerprint, int status, String body, String location,
                                Long version) {
}
