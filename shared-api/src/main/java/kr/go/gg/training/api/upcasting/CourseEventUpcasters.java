package kr.go.gg.training.api.upcasting;

import java.util.List;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the shared events, oldest change first: an event read from the store passes through them in
 * this order (revision 0 -> 1 before 1 -> 2). Both sides register this one chain with Axon (bean
 * {@code courseEventUpcasters}), so aggregates, tracking processors and the history path all read the current
 * form. Policy: docs/schema-evolution.md.
 */
public final class CourseEventUpcasters {

    /** The bean name under which each side registers {@link #chain()} (one copy when both sides share a process). */
    public static final String BEAN_NAME = "courseEventUpcasters";

    private CourseEventUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(new TraineeEnrolledUpcaster0To1(), new TraineeEnrolledUpcaster1To2());
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}
