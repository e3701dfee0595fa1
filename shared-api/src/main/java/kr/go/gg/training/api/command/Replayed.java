package kr.go.gg.training.api.command;

/**
 * The result of a command whose Idempotency-Key its aggregate has answered before: nothing was appended, and
 * {@code version} is the aggregate's version right after the first command with that key.
 */
public record Replayed(long version) {
}
