package kr.go.gg.training.command.domain;

/** The command names something the aggregate does not know (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
