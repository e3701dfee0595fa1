package kr.go.gg.training.query.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventLoggingContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    private static Map<String, String> seenWhileHandling(EventMessage<?> event) throws Exception {
        Map<String, String> seen = new HashMap<>();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            new EventLoggingContext().handle(unitOfWork, () -> {
                Map<String, String> copy = MDC.getCopyOfContextMap();
                if (copy != null) {
                    seen.putAll(copy);
                }
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
        return seen;
    }

    @Test
    void theCausingRequestsCorrelationIdAndUserAreInTheMdcWhileAHandlerRuns() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage("payload")
                .andMetaData(Map.of("correlationId", "req-7", "user", "staff"));
        assertThat(seenWhileHandling(event)).containsEntry("correlationId", "req-7").containsEntry("user", "staff");
        assertThat(MDC.get("correlationId")).isNull();
        assertThat(MDC.get("user")).isNull();
    }

    @Test
    void theRequestThreadsOwnValuesAreRestored() throws Exception {
        MDC.put("correlationId", "outer");
        MDC.put("user", "admin");
        EventMessage<?> withoutMetaData = GenericEventMessage.asEventMessage("payload");
        assertThat(seenWhileHandling(withoutMetaData)).doesNotContainKeys("correlationId", "user");
        assertThat(MDC.get("correlationId")).isEqualTo("outer");
        assertThat(MDC.get("user")).isEqualTo("admin");
    }
}
