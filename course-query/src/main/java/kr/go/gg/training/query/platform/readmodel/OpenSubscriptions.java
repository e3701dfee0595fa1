package kr.go.gg.training.query.platform.readmodel;

import java.util.function.Predicate;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;

/**
 * The subscription queries open on this node's emitter, asked before an update is assembled: an update goes only to
 * the subscriptions registered here, so without one nobody would receive it. The yearly report's update re-read every
 * changed year after every batch, subscribed or not, and that was a third of the wire server's work while commands
 * flowed (docs/benchmarks.md, issue 17).
 */
public final class OpenSubscriptions {

    private OpenSubscriptions() {
    }

    /** Whether a subscription query of {@code type} that {@code filter} accepts is open here. */
    public static <Q> boolean any(QueryUpdateEmitter emitter, Class<Q> type, Predicate<? super Q> filter) {
        for (SubscriptionQueryMessage<?, ?, ?> open : emitter.activeSubscriptions()) {
            if (type.isInstance(open.getPayload()) && filter.test(type.cast(open.getPayload()))) {
                return true;
            }
        }
        return false;
    }
}
