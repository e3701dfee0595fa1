package kr.go.gg.training.command.embedded.bus;

import kr.go.gg.training.support.logging.CorrelationIdFilter;
import kr.go.gg.training.support.logging.UserMdcFilter;
import kr.go.gg.training.command.platform.bus.UserAndCorrelationDispatchInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.slf4j.MDC;

/** A dispatched command, its caller's callback and, once handled, its result (held until the group commits). */
final class QueuedCommand<C, R> {

    private final CommandMessage<C> command;
    private final CommandCallback<? super C, ? super R> callback;
    private CommandResultMessage<? extends R> result;

    QueuedCommand(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        this.command = command;
        this.callback = callback;
    }

    void handle(CommandBus bus) {
        // the caller's log context, so log lines written while handling name its request
        // read with the metadata keys the dispatch interceptor stamps, set under the MDC keys the filters use
        MDC.put(CorrelationIdFilter.MDC_KEY,
                String.valueOf(command.getMetaData().getOrDefault(UserAndCorrelationDispatchInterceptor.CORRELATION_ID, "")));
        MDC.put(UserMdcFilter.MDC_KEY,
                String.valueOf(command.getMetaData().getOrDefault(UserAndCorrelationDispatchInterceptor.USER, "")));
        try {
            bus.dispatch(command, (CommandCallback<C, R>) (c, r) -> result = r);
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
            MDC.remove(UserMdcFilter.MDC_KEY);
        }
        if (result == null) {
            // SimpleCommandBus answers synchronously; anything else would break the group's ordering
            result = GenericCommandResultMessage.asCommandResultMessage(
                    new IllegalStateException("The command was not handled synchronously"));
        }
    }

    boolean failed() {
        return result.isExceptional();
    }

    void reset() {
        result = null;
    }

    void answer() {
        callback.onResult(command, result);
    }

    void fail(Throwable cause) {
        callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(cause));
    }
}
