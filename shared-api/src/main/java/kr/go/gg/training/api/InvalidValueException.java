package kr.go.gg.training.api;

/** A message or value type was built from input that can never be valid (HTTP 400). */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field's name: what is wrong, to be said of another field name. */
    public String problem() {
        return getMessage().startsWith(field + " ") ? getMessage().substring(field.length() + 1) : getMessage();
    }
}
