package kr.go.gg.training.query.platform.page;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import kr.go.gg.training.api.command.CommandMetaData;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.support.logging.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Sends a page's command over Axon's command bus, as the command side's HTTP layer does: locally in standalone, to a
 * command node through Axon Server in production (the query node needs no route to the command nodes' HTTP). It stamps
 * what that layer stamps ({@link CommandMetaData}: user, correlation id, the form's Idempotency-Key with its fingerprint),
 * so the history and the aggregate's memory of keys cannot tell the two senders apart. Refusals come back as
 * {@link Refusal}s (the shared wire form), the records' own validation as an {@code InvalidValueException} thrown
 * here, before anything is sent.
 */
@Component
public class PageCommands {

    private final CommandGateway commands;
    private final EventStore events;
    private final ObjectMapper json;

    public PageCommands(CommandGateway commands, EventStore events, ObjectMapper json) {
        this.commands = commands;
        this.events = events;
        this.json = json;
    }

    /** The id a creation gets: derived from the user and the form's key, so a double submission names one course. */
    public String newId(String key, String target) {
        return CommandMetaData.derivedId(PageUser.current().name(), checked(key), "PAGE " + target);
    }

    /**
     * Sends {@code command}; answers the event store's head position once it was handled (its events are committed
     * before the answer, on either event store), which the page then waits for ({@code minPosition}: every read
     * model, roster and history included, holds the write). A refusal is thrown as {@link Refused}.
     */
    public long send(HttpServletRequest request, String key, Object command) {
        String user = PageUser.current().name();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CommandMetaData.USER, user);
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            metaData.put(CommandMetaData.CORRELATION_ID, correlationId.toString());
        }
        String target = "PAGE " + request.getMethod() + " " + request.getRequestURI();
        metaData.putAll(CommandMetaData.idempotency(user, checked(key), CommandMetaData.fingerprint(target, write(command))));
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            TrackingToken head = events.createHeadToken();
            return head == null ? 0 : head.position().orElse(0);
        } catch (CommandExecutionException e) {
            throw new Refused(Refusal.of(e).orElse(new Refusal(Refusal.Kind.REFUSED, e.getMessage())));
        } catch (NoHandlerForCommandException e) {
            throw new Refused(new Refusal(Refusal.Kind.REFUSED, "No command node is reachable from here; try again shortly"));
        }
    }

    private static String checked(String key) {
        if (!CommandMetaData.isValidKey(key)) {
            // the form carries a fresh key each time it is drawn; a request without one is not from the form
            throw new Refused(new Refusal(Refusal.Kind.INVALID, "The form has expired; reload the page", null));
        }
        return key;
    }

    private String write(Object command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + command.getClass().getSimpleName(), e);
        }
    }

    /** A command the domain (or its own validation on the command node) refused. */
    public static final class Refused extends RuntimeException {

        private final transient Refusal refusal;

        public Refused(Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
