package kr.go.gg.training.command.idempotency;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Stores a command's idempotency record inside the command's unit of work, after the handler succeeded: it
 * commits with the appended events or not at all (a refused command stores no key). Axon's transaction
 * interceptor is the command bus's first handler interceptor, so the transaction is already open here.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotencyKey";
    static final String USER = "idempotencyUser";
    static final String FINGERPRINT = "idempotencyFingerprint";
    static final String STATUS = "idempotencyStatus";
    static final String BODY = "idempotencyBody";
    static final String LOCATION = "idempotencyLocation";

    private final IdempotencyStore store;

    public IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    /** The metadata a command needs to have its answer recorded under the user's key. */
    public static Map<String, Object> metaData(String user, String key, String fingerprint, int status, String body, String location) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(KEY, key);
        metaData.put(USER, user);
        metaData.put(FINGERPRINT, fingerprint);
        metaData.put(STATUS, status);
        if (body != null) {
            metaData.put(BODY, body);
        }
        if (location != null) {
            metaData.put(LOCATION, location);
        }
        return metaData;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (metaData.get(KEY) instanceof String key) {
            store.insert(new IdempotencyRecord((String) metaData.get(USER), key, (String) metaData.get(FINGERPRINT),
                    ((Number) metaData.get(STATUS)).intValue(), (String) metaData.get(BODY), (String) metaData.get(LOCATION),
                    result instanceof Number version ? version.longValue() : null));
        }
        return result;
    }
}
