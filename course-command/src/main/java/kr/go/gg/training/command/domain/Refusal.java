package kr.go.gg.training.command.domain;

/**
 * What a refused command tells its sender, as the details of Axon's CommandExecutionException: these travel
 * through a distributed command bus (Axon Server), where the domain exception's class itself does not.
 */
public record Refusal(Kind kind, String message) {

    public enum Kind {
        REFUSED,
        NOT_FOUND,
        ALREADY_EXISTS,
        /** another change to the same aggregate came first, and retrying did not get past it */
        CONFLICT
    }
}
