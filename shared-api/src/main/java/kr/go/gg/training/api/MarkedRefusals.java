package kr.go.gg.training.api;

import org.axonframework.messaging.HandlerExecutionException;

/**
 * Finds a refusal of the query side in a cause chain: the exception itself (this node), or any handler exception
 * whose details carry its marker (an answer of another node, through Axon Server, which carries the details but not
 * the class).
 */
final class MarkedRefusals {

    private MarkedRefusals() {
    }

    static boolean causedBy(Throwable e, Class<? extends HandlerExecutionException> type, String marker) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || t instanceof HandlerExecutionException h
                    && h.getDetails().filter(marker::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
