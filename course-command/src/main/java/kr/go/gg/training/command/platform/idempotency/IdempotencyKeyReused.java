package kr.go.gg.training.command.platform.idempotency;

import kr.go.gg.training.command.domain.DomainRefusal;

/** The same Idempotency-Key came with a different request (HTTP 409). */
public class IdempotencyKeyReused extends DomainRefusal {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new request");
    }
}
