package kr.go.gg.training.query.platform.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Binds every {@link BatchedCollection} held by a projection bean (its {@code @ProcessingGroup}, one of
 * {@link ProcessingGroups#ALL}) to that projection's generations, so queries read the live generation and batches
 * write the one their processor builds, while the projections keep constructing their collections as before.
 */
final class ProjectionBinder implements BeanPostProcessor {

    private final ObjectProvider<ReadModelGenerations> generations;

    ProjectionBinder(ObjectProvider<ReadModelGenerations> generations) {
        this.generations = generations;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(bean.getClass(), ProcessingGroup.class);
        if (group == null || !ProcessingGroups.ALL.contains(group.value())) {
            return bean;
        }
        ReflectionUtils.doWithFields(bean.getClass(), field -> {
            ReflectionUtils.makeAccessible(field);
            if (field.get(bean) instanceof BatchedCollection collection) {
                collection.bind(group.value(), generations.getObject());
            }
        }, field -> BatchedCollection.class.isAssignableFrom(field.getType()));
        return bean;
    }
}
