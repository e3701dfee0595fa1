package kr.go.gg.training.support.json;

import java.nio.charset.CharacterCodingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A body that could not be read, said in plain words for a problem detail: what is wrong and where (the field as
 * {@code trainee.level} or {@code courses[0].startDate}, or line and column), never a class, a library or one of
 * its tokens. Both apps' problem handlers use it.
 */
public final class BodyProblems {

    /** {@code field} is null when the body as a whole is wrong. */
    public record BodyProblem(String field, String message) {

        public String detail() {
            return field == null ? message : field + " " + message;
        }
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) ['\"](.*)['\"]");
    private static final int MAX_ECHO = 40;

    private BodyProblems() {
    }

    public static BodyProblem of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            return whole("The request body is missing; this path needs a JSON document (at least {})");
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return whole("The request body is not valid UTF-8 (or not valid in the charset its Content-Type names)");
            }
        }
        if (cause instanceof StreamConstraintsException) {
            return whole("The request body is beyond this service's limits for JSON (nesting depth, or the length of a"
                    + " number, a name or a text)");
        }
        if (cause instanceof JsonMappingException mapping) {
            return mapping.getPath().isEmpty() ? document(mapping) : field(mapping);
        }
        if (cause instanceof JsonEOFException eof) {
            return whole("The request body ends before its JSON document does" + at(eof.getLocation()));
        }
        if (cause instanceof StreamReadException read) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.find()) {
                String field = read.getProcessor() == null ? "" : dotted(read.getProcessor().getParsingContext());
                return new BodyProblem(field.isEmpty() ? duplicate.group(1) : field, "is given more than once");
            }
            return whole("The request body is not well-formed JSON" + at(read.getLocation()));
        }
        return whole("The request body cannot be read as JSON");
    }

    private static BodyProblem document(JsonMappingException e) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return whole("The request body goes on after its JSON document" + at(e.getLocation()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return whole("The request body must be " + ValueKinds.of(mismatch.getTargetType()));
        }
        return whole("The request body cannot be read as JSON");
    }

    private static BodyProblem field(JsonMappingException e) {
        String field = dotted(e);
        if (e instanceof InvalidFormatException format) {
            Class<?> type = format.getTargetType();
            if (type == String.class) {
                return new BodyProblem(field, "must be text of whole Unicode characters (it holds a lone surrogate)");
            }
            String echoed = echo(format.getValue());
            return new BodyProblem(field, echoed.isEmpty() ? "must be " + ValueKinds.of(type) : echoed + "is not " + ValueKinds.of(type));
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new BodyProblem(field, "is not a known field");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new BodyProblem(field, "must be " + ValueKinds.of(mismatch.getTargetType()));
        }
        return new BodyProblem(field, "cannot be read");
    }

    /** A short value is repeated to its sender; a long one, or one that is no well-formed text, is not. */
    private static String echo(Object value) {
        if (value instanceof String text && text.codePointCount(0, text.length()) <= MAX_ECHO
                && !WholeCharacterText.hasLoneSurrogate(text)) {
            return "'" + text + "' ";
        }
        return "";
    }

    private static String dotted(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String dotted(JsonStreamContext context) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                segments.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static BodyProblem whole(String message) {
        return new BodyProblem(null, message);
    }
}
