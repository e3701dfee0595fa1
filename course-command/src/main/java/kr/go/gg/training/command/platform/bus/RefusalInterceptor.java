package kr.go.gg.training.command.platform.bus;

import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.command.domain.AlreadyExists;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Turns domain refusals into CommandExecutionExceptions with {@link Refusal} details, so the REST layer answers
 * 404/409 alike whether the command was handled locally or through Axon Server. It knows the
 * refusal kinds of {@code command.domain} only, never a feature's own refusal.
 */
public class RefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AlreadyExists e) {
            throw refusal(Refusal.Kind.ALREADY_EXISTS, e);
        } catch (DomainRefusal e) {
            throw refusal(Refusal.Kind.REFUSED, e);
        } catch (NotFound e) {
            throw refusal(Refusal.Kind.NOT_FOUND, e);
        } catch (AggregateNotFoundException e) {
            throw refusal(Refusal.Kind.NOT_FOUND, new NotFound("No course or agreement '" + e.getAggregateIdentifier() + "'"));
        } catch (InvalidValueException e) {
            throw new CommandExecutionException(e.getMessage(), e, new Refusal(Refusal.Kind.INVALID, e.getMessage(), e.field()));
        }
    }

    private static CommandExecutionException refusal(Refusal.Kind kind, RuntimeException e) {
        return new CommandExecutionException(e.getMessage(), e, new Refusal(kind, e.getMessage()));
    }
}
