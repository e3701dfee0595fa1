package kr.go.gg.training.command.domain;

/** A rule of the domain refuses the step (HTTP 409). Nothing is appended. */
public class DomainRefusal extends RuntimeException {

    public DomainRefusal(String message) {
        super(message);
    }
}
