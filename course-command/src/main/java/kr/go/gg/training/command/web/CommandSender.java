package kr.go.gg.training.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.command.idempotency.IdempotencyInterceptor;
import kr.go.gg.training.command.idempotency.IdempotencyRecord;
import kr.go.gg.training.command.idempotency.IdempotencyStore;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sends a command and turns its outcome into the HTTP answer, honouring Idempotency-Key: a key seen before
 * (for this user) replays the first answer and dispatches nothing; a new key travels with the command and is
 * recorded in the command's transaction by {@link IdempotencyInterceptor}.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String COURSE_VERSION = "X-Course-Version";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotencyStore;
    private final ObjectMapper objectMapper;

    public CommandSender(CommandGateway commandGateway, IdempotencyStore idempotencyStore, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.idempotencyStore = idempotencyStore;
        this.objectMapper = objectMapper;
    }

    public ResponseEntity<Object> send(HttpServletRequest request, Object requestBody, Object command, CommandAnswer answer) {
        String key = idempotencyKey(request);
        if (key == null) {
            return respond(answer, commandGateway.sendAndWait(command));
        }
        String user = currentUser();
        String fingerprint = fingerprint(request, requestBody);
        Optional<ResponseEntity<Object>> replay = replay(user, key, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        String body = json(answer.body());
        try {
            Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                    IdempotencyInterceptor.metaData(user, key, fingerprint, answer.status().value(), body, answer.location())));
            return respond(answer, result);
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the same key raced us and won; its transaction rolled ours back, so nothing was appended twice
            return replay(user, key, fingerprint).orElseThrow(() -> concurrentDuplicate);
        }
    }

    /** For a request that dispatches several commands (the import): the record is stored after they ran. */
    public ResponseEntity<Object> sendMany(HttpServletRequest request, Object requestBody, Supplier<Object> work) {
        String key = idempotencyKey(request);
        if (key == null) {
            return ResponseEntity.ok(work.get());
        }
        String user = currentUser();
        String fingerprint = fingerprint(request, requestBody);
        Optional<ResponseEntity<Object>> replay = replay(user, key, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        Object body = work.get();
        try {
            idempotencyStore.insert(new IdempotencyRecord(user, key, fingerprint, 200, json(body), null, null));
        } catch (DuplicateKeyException concurrentDuplicate) {
            return replay(user, key, fingerprint).orElseThrow(() -> concurrentDuplicate);
        }
        return ResponseEntity.ok(body);
    }

    private Optional<ResponseEntity<Object>> replay(String user, String key, String fingerprint) {
        return idempotencyStore.find(user, key).map(record -> {
            if (!record.fingerprint().equals(fingerprint)) {
                throw new IdempotencyKeyReused(key);
            }
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(record.status()).header(REPLAYED, "true");
            if (record.location() != null) {
                builder.header(HttpHeaders.LOCATION, record.location());
            }
            if (record.version() != null) {
                builder.header(COURSE_VERSION, record.version().toString());
            }
            return record.body() == null ? builder.build() : builder.contentType(MediaType.APPLICATION_JSON).body(record.body());
        });
    }

    private static ResponseEntity<Object> respond(CommandAnswer answer, Object result) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status());
        if (answer.location() != null) {
            builder.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.courseVersion() && result instanceof Number version) {
            builder.header(COURSE_VERSION, Long.toString(version.longValue()));
        }
        return answer.body() == null ? builder.build() : builder.body(answer.body());
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new InvalidValueException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /** The same request is the same method, path and (parsed) body. */
    private String fingerprint(HttpServletRequest request, Object requestBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(json(requestBody)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
