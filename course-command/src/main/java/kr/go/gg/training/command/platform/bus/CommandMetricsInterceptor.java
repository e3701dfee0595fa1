package kr.go.gg.training.command.platform.bus;

import kr.go.gg.training.api.command.Refusal;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kr.go.gg.training.api.InvalidValueException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Command latency: timer {@value #METER} tagged {@code command} (the command's simple name) and {@code outcome}
 * ({@code success}, {@code refused}, {@code not-found}, {@code conflict}, {@code invalid}, {@code error}), from the
 * start of handling until the unit of work committed (events appended) or rolled back, so a concurrent change
 * found at append time counts as a conflict. Axon's own monitors ({@code commandBus.*Timer}) have no per-command tags.
 */
public class CommandMetricsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String METER = "course.commands";

    private final MeterRegistry registry;

    public CommandMetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long start = System.nanoTime();
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(u -> record(command, "success", start));
        unitOfWork.onRollback(u -> record(command,
                outcome(u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult()), start));
        return chain.proceed();
    }

    private void record(String command, String outcome, long start) {
        Timer.builder(METER)
                .description("Command handling until its events are appended (or it is refused)")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    static String outcome(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandExecutionException e && e.getDetails().orElse(null) instanceof Refusal refusal) {
                return refusal.kind() == Refusal.Kind.NOT_FOUND ? "not-found" : "refused";
            }
            if (cause instanceof ConcurrencyException) {
                return "conflict";
            }
            if (cause instanceof InvalidValueException) {
                return "invalid";
            }
        }
        return "error";
    }
}
