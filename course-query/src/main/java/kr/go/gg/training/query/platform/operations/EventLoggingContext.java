package kr.go.gg.training.query.platform.operations;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While an event handler runs, the logging MDC holds the {@code correlationId} and {@code user} of the command that
 * caused the event (its metadata), so a projection's log lines name the request they stem from. Values already in
 * the MDC (a subscribing processor runs in the request's thread) are restored afterwards.
 */
public class EventLoggingContext implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String CORRELATION_ID = "correlationId";
    static final String USER = "user";

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        String previousCorrelationId = MDC.get(CORRELATION_ID);
        String previousUser = MDC.get(USER);
        put(CORRELATION_ID, metaData.get(CORRELATION_ID), previousCorrelationId);
        put(USER, metaData.get(USER), previousUser);
        try {
            return chain.proceed();
        } finally {
            restore(CORRELATION_ID, previousCorrelationId);
            restore(USER, previousUser);
        }
    }

    private static void put(String key, Object value, String previous) {
        if (value != null) {
            MDC.put(key, value.toString());
        } else if (previous != null) {
            MDC.remove(key);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
