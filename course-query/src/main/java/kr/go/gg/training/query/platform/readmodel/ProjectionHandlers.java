package kr.go.gg.training.query.platform.readmodel;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/** A projection's event handlers as its live processor calls them, without the processor's dead-letter wrapper. */
public final class ProjectionHandlers {

    private ProjectionHandlers() {
    }

    /** The handlers behind {@code invoker} (a rebuild or a fold hands each event to them, parking nothing live). */
    public static List<EventMessageHandler> of(EventHandlerInvoker invoker) {
        List<EventMessageHandler> found = new ArrayList<>();
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> found.addAll(of(delegate)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            found.addAll(simple.eventHandlers());
        }
        return found;
    }
}
