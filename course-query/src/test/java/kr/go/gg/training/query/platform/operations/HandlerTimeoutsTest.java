package kr.go.gg.training.query.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.enrollment.projection.RosterProjection;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.queryhandling.QueryMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** course-query.yml switches off Axon's per-invocation handler timeouts (costly); unit-of-work timeouts stay. */
class HandlerTimeoutsTest extends QueryApplicationTest {

    @Autowired
    private HandlerTimeoutHandlerEnhancerDefinition handlerTimeouts;

    @Test
    void aProjectionsEventAndQueryHandlersAreNotWrappedInATimeoutTask() {
        List<MessageHandlingMember<? super RosterProjection>> handlers = AnnotatedHandlerInspector
                .inspectType(RosterProjection.class, ClasspathParameterResolverFactory.forClass(RosterProjection.class),
                        new AnnotatedMessageHandlingMemberDefinition())
                .getAllHandlers().values().stream().flatMap(Collection::stream).toList();

        assertThat(handlers).extracting(h -> h.canHandleMessageType(QueryMessage.class))
                .contains(true, false); // both query handlers and event handlers are looked at
        handlers.forEach(handler -> assertThat(handlerTimeouts.wrapHandler(handler)).isSameAs(handler));
    }
}
