package kr.go.gg.training.command.platform.bus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import kr.go.gg.training.api.command.CommandMetaData;
import kr.go.gg.training.support.logging.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Stamps every command with who sent it and the request's correlation id (unless the sender set them). */
public class UserAndCorrelationDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String USER = CommandMetaData.USER;
    public static final String CORRELATION_ID = CommandMetaData.CORRELATION_ID;
    static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> additions = new HashMap<>();
            if (!command.getMetaData().containsKey(USER)) {
                additions.put(USER, currentUser());
            }
            if (!command.getMetaData().containsKey(CORRELATION_ID)) {
                String correlationId = currentCorrelationId();
                if (correlationId != null) {
                    additions.put(CORRELATION_ID, correlationId);
                }
            }
            return additions.isEmpty() ? command : command.andMetaData(additions);
        };
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM;
    }

    private static String currentCorrelationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null : attributes.getAttribute(CorrelationIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id == null ? null : id.toString();
    }
}
