package kr.go.gg.training.command.platform.bus;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Axon's {@link AnnotationCommandTargetResolver} with the annotated members looked up once per command class, not
 * once per command: Axon's walks every method's and field's annotations of the payload on every command, 6 % of the
 * command thread in course-bench (docs/benchmarks.md, fourth round). Same rule (methods first, then fields, of
 * {@link TargetAggregateIdentifier} and {@link TargetAggregateVersion}); whenever the cached members give no
 * identifier, or reading one fails, Axon's own resolver answers, so every refusal is Axon's own.
 */
public final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    private final ClassValue<Targets> targets = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> type) {
            return new Targets(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    private record Targets(Member identifier, Member version) {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Targets found = targets.get(command.getPayloadType());
        Object payload = command.getPayload();
        try {
            Object identifier = read(found.identifier(), payload);
            Object version = read(found.version(), payload);
            if (identifier != null && (version == null || version instanceof Number)) {
                return new VersionedAggregateIdentifier(identifier,
                        version == null ? null : ((Number) version).longValue());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through: Axon's resolver gives its own answer (and exception) for this command
        }
        return axons.resolveTarget(command);
    }

    private static Object read(Member member, Object payload) throws ReflectiveOperationException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        return member instanceof Field field ? field.get(payload) : null;
    }

    /** The first annotated method, else field, as Axon's resolver searches them; made accessible once. */
    private static Member annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }
}
