package kr.go.gg.training.command.platform.web;

import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.TimeOrderedIds;
import kr.go.gg.training.api.command.CommandMetaData;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import kr.go.gg.training.command.platform.idempotency.IdempotencyKeys;
import kr.go.gg.training.api.command.Replayed;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends a command and turns its outcome into the HTTP answer, honouring Idempotency-Key: the key travels with the
 * command and its events; the aggregate that has seen it answers {@link Replayed} and appends nothing (see
 * {@link IdempotencyKeys}). Every part of the answer is built before dispatch from the request alone (ids of new
 * things derive from user and key, {@link #newId}), so a replay answers exactly what the first attempt answered.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String COURSE_VERSION = "X-Course-Version";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway commandGateway;
    private final ObjectMapper objectMapper;
    private final EventPosition position;

    public CommandSender(CommandGateway commandGateway, ObjectMapper objectMapper, EventPosition position) {
        this.commandGateway = commandGateway;
        this.objectMapper = objectMapper;
        this.position = position;
    }

    /** The id of what the request creates: derived from user, key and target when it has a key, else new. */
    public String newId(HttpServletRequest request) {
        String key = idempotencyKey(request);
        return key == null ? TimeOrderedIds.next() : IdempotencyKeys.derivedId(currentUser(), key, target(request));
    }

    public ResponseEntity<Object> send(HttpServletRequest request, Object requestBody, Object command, CommandAnswer answer) {
        Map<String, Object> keyMetaData = keyMetaData(request, requestBody);
        Object result = commandGateway.sendAndWait(keyMetaData == null ? command
                : GenericCommandMessage.asCommandMessage(command).andMetaData(keyMetaData));
        return respond(answer, result, position.head());
    }

    /**
     * For a request that dispatches several commands (the import): each carries the key; the work answers its body
     * (given the event position after its last command, {@link EventPosition}) and whether every command it sent had
     * been answered before.
     */
    public ResponseEntity<Object> sendMany(HttpServletRequest request, Object requestBody,
                                           Function<Map<String, Object>, ManyAnswered> work) {
        Map<String, Object> keyMetaData = keyMetaData(request, requestBody);
        ManyAnswered answered = work.apply(keyMetaData == null ? Map.of() : keyMetaData);
        long head = position.head();
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok().header(EventPosition.HEADER, Long.toString(head));
        if (answered.replayed()) {
            builder.header(REPLAYED, "true");
        }
        return builder.body(answered.bodyAt().apply(head));
    }

    /**
     * What a request of several commands answers: its body at an event position; {@code replayed}: its key had been
     * answered before.
     */
    public record ManyAnswered(LongFunction<Object> bodyAt, boolean replayed) {
    }

    private Map<String, Object> keyMetaData(HttpServletRequest request, Object requestBody) {
        String key = idempotencyKey(request);
        return key == null ? null : IdempotencyKeys.metaData(currentUser(), key, fingerprint(request, requestBody));
    }

    private static ResponseEntity<Object> respond(CommandAnswer answer, Object result, long position) {
        // the same thing recorded before: 200 with its id (the answer's body), nothing appended
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(result instanceof AlreadyRecorded ? HttpStatus.OK : answer.status());
        builder.header(EventPosition.HEADER, Long.toString(position));
        if (result instanceof Replayed) {
            builder.header(REPLAYED, "true");
        }
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        Object version = result instanceof Replayed replayed ? replayed.version() : result;
        if (answer.courseVersion() && version instanceof Number number) {
            builder.header(COURSE_VERSION, Long.toString(number.longValue()));
        }
        return answer.body() == null ? builder.build() : builder.body(answer.body());
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!CommandMetaData.isValidKey(key)) {
            throw new InvalidValueException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String target(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    /** The same request is the same method, path and (parsed) body. */
    private String fingerprint(HttpServletRequest request, Object requestBody) {
        return CommandMetaData.fingerprint(target(request), json(requestBody));
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
