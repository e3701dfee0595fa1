package kr.go.gg.training.command.platform.idempotency;

import kr.go.gg.training.api.command.Replayed;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;

/**
 * The Idempotency-Keys an aggregate's own events carry: an aggregate member that sees every event of its
 * aggregate. A command whose key is here with the same request answers {@link Replayed} and appends
 * nothing; with another request it is refused ({@link IdempotencyKeyReused}). A refused command appends no event,
 * so its key stays free.
 */
public class AnsweredKeys {

    private record Answered(String fingerprint, long version) {
    }

    private final Map<String, Answered> answered = new HashMap<>();

    @EventSourcingHandler
    void on(EventMessage<?> event) {
        String key = IdempotencyKeys.scopedKey(event);
        if (key != null && event instanceof DomainEventMessage<?> domainEvent) {
            answered.put(key, new Answered((String) event.getMetaData().get(IdempotencyKeys.FINGERPRINT),
                    domainEvent.getSequenceNumber()));
        }
    }

    /** The first answer's outcome if this command's key was answered before; empty for a new key or none. */
    public Optional<Replayed> replayOf(CommandMessage<?> command) {
        String key = IdempotencyKeys.scopedKey(command);
        Answered first = key == null ? null : answered.get(key);
        if (first == null) {
            return Optional.empty();
        }
        if (!first.fingerprint().equals(command.getMetaData().get(IdempotencyKeys.FINGERPRINT))) {
            throw new IdempotencyKeyReused((String) command.getMetaData().get(IdempotencyKeys.KEY));
        }
        return Optional.of(new Replayed(first.version()));
    }

    /**
     * What an aggregate's {@code @CommandHandlerInterceptor} answers: the first answer again for a key answered before
     * (nothing appended), else the handler's answer.
     */
    public Object answerOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Optional<Replayed> replayed = replayOf(command);
        return replayed.isPresent() ? replayed.get() : chain.proceed();
    }
}
