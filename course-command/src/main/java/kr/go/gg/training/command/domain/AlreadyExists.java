package kr.go.gg.training.command.domain;

/** A creation whose id already names an aggregate (HTTP 409); the import counts these as imported before. */
public class AlreadyExists extends DomainRefusal {

    public AlreadyExists(String message) {
        super(message);
    }
}
