package kr.go.gg.training.query.platform.readmodel;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import kr.go.gg.training.api.ReadModelNotReady;
import kr.go.gg.training.api.ReadModelsUnavailable;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * On the query bus, before any query handler of a projection: a query of a read model whose live generation is not
 * complete ({@link ReadModelGenerations#complete}) is refused with {@link ReadModelNotReady} (503). Which read model a
 * query reads is known from where its handler is: a {@code @QueryHandler} of a bean with a {@code @ProcessingGroup}
 * (one of {@link ProcessingGroups#ALL}), by the handler's first parameter type. Registered on every query bus, so it
 * also sees every query handler's MongoDB access.
 */
public final class ReadModelReadiness implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    private final ReadModelGenerations generations;
    private final Map<Class<?>, String> projections;

    public ReadModelReadiness(ReadModelGenerations generations, Iterable<Object> beans) {
        this.generations = generations;
        this.projections = projections(beans);
    }

    /** Query payload type -> the read model its handler reads. */
    private static Map<Class<?>, String> projections(Iterable<Object> beans) {
        Map<Class<?>, String> found = new HashMap<>();
        for (Object bean : beans) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            if (group == null || !ProcessingGroups.ALL.contains(group.value())) {
                continue;
            }
            ReflectionUtils.doWithMethods(type, method -> found.put(method.getParameterTypes()[0], group.value()),
                    method -> method.isAnnotationPresent(QueryHandler.class) && method.getParameterCount() > 0);
        }
        return Map.copyOf(found);
    }

    /** The read model that answers {@code queryType}, or null. */
    String projectionOf(Class<?> queryType) {
        return projections.get(queryType);
    }

    /** Also: MongoDB unreachable, while asking or answering, is {@link ReadModelsUnavailable} (503), not a failure. */
    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            String projection = projections.get(unitOfWork.getMessage().getPayloadType());
            if (projection != null && !generations.complete(projection)) {
                throw new ReadModelNotReady(projection);
            }
            return chain.proceed();
        } catch (MongoTimeoutException | MongoSocketException e) {
            throw new ReadModelsUnavailable(e);
        }
    }
}
