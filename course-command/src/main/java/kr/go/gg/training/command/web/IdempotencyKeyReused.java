package kr.go.gg.training.command.web;

/** The same Idempotency-Key came with a different request (HTTP 409). */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new request");
    }
}
