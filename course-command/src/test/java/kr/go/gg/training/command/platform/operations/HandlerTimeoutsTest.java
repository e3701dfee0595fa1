package kr.go.gg.training.command.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.go.gg.training.command.HttpTestSupport;
import kr.go.gg.training.command.course.domain.Course;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** course-command.yml switches off Axon's per-invocation handler timeouts (costly); unit-of-work timeouts stay. */
class HandlerTimeoutsTest extends HttpTestSupport {

    @Autowired
    private HandlerTimeoutHandlerEnhancerDefinition handlerTimeouts;

    @Test
    void theCourseAggregatesCommandAndEventSourcingHandlersAreNotWrappedInATimeoutTask() {
        List<MessageHandlingMember<? super Course>> handlers = AnnotatedHandlerInspector.inspectType(Course.class,
                        ClasspathParameterResolverFactory.forClass(Course.class),
                        new AnnotatedMessageHandlingMemberDefinition())
                .getAllHandlers().values().stream().flatMap(java.util.Collection::stream).toList();

        assertThat(handlers).extracting(h -> h.canHandleMessageType(org.axonframework.commandhandling.CommandMessage.class))
                .contains(true, false); // both command handlers and event sourcing handlers are looked at
        handlers.forEach(handler -> assertThat(handlerTimeouts.wrapHandler(handler)).isSameAs(handler));
    }
}
