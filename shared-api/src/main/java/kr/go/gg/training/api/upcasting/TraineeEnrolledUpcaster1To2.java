package kr.go.gg.training.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TraineeEnrolled} revision "1" to "2". Revision 1 kept the trainee in plain text; revision 2 seals the
 * personal fields with the trainee's key. An upcaster has no key to seal with, and an event read as it was stored
 * must show what it holds, so the plain fields move to {@code unencrypted} (never written by new events):
 * <pre>
 * rev 1: {"courseId":"c","traineeId":"t","trainee":{"name":..,"country":..,"organization":..,"position":..,"level":..},"enrolled":1}
 * rev 2: {"courseId":"c","traineeId":"t","country":..,"level":..,"personal":null,"unencrypted":{"name":..,"organization":..,"position":..},"enrolled":1}
 * </pre>
 * The embedded default rewrites such rows once, sealed (docs/privacy.md); under Axon Server they stay as stored.
 */
public class TraineeEnrolledUpcaster1To2 extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = TraineeEnrolledUpcaster0To1.REVISION_1;
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TraineeEnrolled.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return REVISION_1.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_2, JsonNode.class, TraineeEnrolledUpcaster1To2::upcast);
    }

    /** The revision-2 form of a revision-1 payload (also the embedded default's migration reads it this way). */
    public static JsonNode upcast(JsonNode revision1) {
        if (!(revision1 instanceof ObjectNode event) || !(event.get("trainee") instanceof ObjectNode trainee)) {
            return revision1;
        }
        ObjectNode upcast = event.objectNode();
        upcast.set("courseId", event.get("courseId"));
        upcast.set("traineeId", event.get("traineeId"));
        upcast.set("country", trainee.get("country"));
        upcast.set("level", trainee.get("level"));
        upcast.putNull("personal");
        ObjectNode unencrypted = upcast.putObject("unencrypted");
        unencrypted.set("name", trainee.get("name"));
        unencrypted.set("organization", trainee.get("organization"));
        unencrypted.set("position", trainee.get("position"));
        upcast.set("enrolled", event.get("enrolled"));
        return upcast;
    }
}
