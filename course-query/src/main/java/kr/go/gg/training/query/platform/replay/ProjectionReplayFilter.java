package kr.go.gg.training.query.platform.replay;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Per-projection replay on the one shared processor, the way Axon's own {@code ReplayAwareMessageHandlerWrapper}
 * implements {@code @DisallowReplay}: every event and reset handler of this module's projections is wrapped, and a
 * projection that a {@link ProjectionReplay} does not name
 * <ul>
 *   <li>does not run its {@code @ResetHandler} for that reset (its collections are not dropped), and</li>
 *   <li>does not handle the replayed events (those at or before the reset position: it has handled them already).</li>
 * </ul>
 * Events after the reset position are not replays ({@code ReplayToken.isReplay} false) and reach every projection.
 * A reset or replay without a {@code ProjectionReplay} context (a plain {@code resetTokens()}) is for all of them.
 * <p>
 * The projection is the handler's target's {@code @ProcessingGroup} (decided per call, not per handler: the course
 * summaries and the KOICA pipeline share their handlers through {@code CourseListingProjection}). Handlers of
 * other modules (the command side in standalone) are not wrapped.
 * <p>
 * A Spring bean (see {@link ProjectionReplayConfiguration}): Axon's Spring support adds every
 * {@code HandlerEnhancerDefinition} bean to those of the classpath.
 */
public class ProjectionReplayFilter implements HandlerEnhancerDefinition {

    private static final String MODULE_PACKAGE = "kr.go.gg.training.query.";

    /** Projection (processing group) of each target class; "" for a class that is not one of the read models. */
    private final Map<Class<?>, String> projections = new ConcurrentHashMap<>();

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean eventOrReset = original.canHandleMessageType(EventMessage.class)
                || original.canHandleMessageType(ResetContext.class);
        if (!eventOrReset || !original.declaringClass().getName().startsWith(MODULE_PACKAGE)) {
            return original;
        }
        return new ProjectionMember<>(original);
    }

    /** Whether the projection of {@code target} is to handle {@code message}. */
    boolean handles(Message<?> message, Object target) {
        String projection = projections.computeIfAbsent(target.getClass(), ProjectionReplayFilter::projectionOf);
        if (projection.isEmpty()) {
            return true;
        }
        Optional<ProjectionReplay> replay;
        if (message instanceof ResetContext<?> reset) {
            replay = Optional.of(reset.getPayload() instanceof ProjectionReplay context ? context : ProjectionReplay.ALL);
        } else if (message instanceof EventMessage<?> event) {
            replay = ProjectionReplay.of(event);
        } else {
            replay = Optional.empty();
        }
        return replay.map(r -> r.includes(projection)).orElse(true);
    }

    private static String projectionOf(Class<?> type) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        return group != null && ProcessingGroups.ALL.contains(group.value()) ? group.value() : "";
    }

    private final class ProjectionMember<T> extends WrappedMessageHandlingMember<T> {

        private ProjectionMember(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (target != null && !handles(message, target)) {
                return null;
            }
            return super.handle(message, target);
        }
    }
}
