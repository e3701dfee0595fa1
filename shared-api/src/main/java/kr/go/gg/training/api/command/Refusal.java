package kr.go.gg.training.api.command;

import java.util.Optional;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * What a refused command tells its sender, as the details of Axon's CommandExecutionException: these travel
 * through a distributed command bus (Axon Server), where the domain exception's class itself does not.
 */
public record Refusal(Kind kind, String message, String field) {

    public Refusal(Kind kind, String message) {
        this(kind, message, null);
    }

    public enum Kind {
        /** input that can never be valid here ({@code field} names it): HTTP 400, not a refused step */
        INVALID,
        REFUSED,
        NOT_FOUND,
        ALREADY_EXISTS,
        /** another change to the same aggregate came first, and retrying did not get past it */
        CONFLICT
    }

    /** The refusal a failed command carries (see {@link RefusalInterceptor}); empty when it failed otherwise. */
    public static Optional<Refusal> of(CommandExecutionException e) {
        return e.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
    }
}
