package kr.go.gg.training.command.platform.web;

import org.springframework.http.HttpStatus;

/**
 * The answer to a command, built before the command is dispatched (ids come from the REST layer), so that it
 * can travel with the command and be recorded under its Idempotency-Key in the command's own transaction.
 */
public record CommandAnswer(HttpStatus status, Object body, String location, boolean courseVersion) {

    public static CommandAnswer noContent() {
        return new CommandAnswer(HttpStatus.NO_CONTENT, null, null, true);
    }

    public static CommandAnswer created(Object body, String location, boolean courseVersion) {
        return new CommandAnswer(HttpStatus.CREATED, body, location, courseVersion);
    }
}
