package kr.go.gg.training.command.axonserver;

import kr.go.gg.training.api.command.Refusal;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local segment of Axon Server's command bus, on the node that handles a command: a command that lost a race
 * for its aggregate's next sequence number (another node appended first while the aggregate moved between nodes),
 * or that was refused by an out-of-date cached aggregate, is handled again on a fresh load. Axon's caching
 * repository drops the aggregate on rollback, so the retry reads the event store. Retrying is safe: the failed
 * attempt appended nothing, and an Idempotency-Key the first attempt did store is answered, not executed again.
 * A conflict that outlasts the retries is answered as a {@link Refusal.Kind#CONFLICT} (HTTP 409); Axon Server
 * would carry a bare ConcurrencyException to the sender as an anonymous failure.
 */
public class ConflictRetryingCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryingCommandBus.class);

    private final CommandBus delegate;
    private final int attempts;

    public ConflictRetryingCommandBus(CommandBus delegate, int attempts) {
        this.delegate = delegate;
        this.attempts = attempts;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        attempt(command, callback, 1);
    }

    private <C, R> void attempt(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback, int attempt) {
        delegate.dispatch(command, (CommandMessage<? extends C> message, CommandResultMessage<? extends R> result) -> {
            if (result.isExceptional() && conflict(result.exceptionResult())) {
                if (attempt < attempts) {
                    log.info("{} lost a race for its aggregate (attempt {} of {}), handling it again: {}",
                            command.getCommandName(), attempt, attempts, result.exceptionResult().getMessage());
                    attempt(command, callback, attempt + 1);
                    return;
                }
                String detail = "Another change to the same course or agreement came first, " + attempts
                        + " times; retry (with the same Idempotency-Key)";
                callback.onResult(message, GenericCommandResultMessage.asCommandResultMessage(
                        new CommandExecutionException(detail, result.exceptionResult(), new Refusal(Refusal.Kind.CONFLICT, detail))));
                return;
            }
            callback.onResult(message, result);
        });
    }

    private static boolean conflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
