package kr.go.gg.training.api.upcasting;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TraineeEnrolled} revision "0" to "1". The early form named the trainee {@code participant} and the
 * trainee's level {@code rank}:
 * <pre>
 * rev 0: {"courseId":"c","traineeId":"t","participant":{"name":..,"country":..,"organization":..,"position":..,"rank":"MID_LEVEL"},"enrolled":1}
 * rev 1: {"courseId":"c","traineeId":"t","trainee":{"name":..,"country":..,"organization":..,"position":..,"level":"MID_LEVEL"},"enrolled":1}
 * </pre>
 * Only the two names change; field order and every other field are kept. The stored row is never rewritten:
 * this runs each time the event is read (aggregates, tracking processors, the history path).
 */
public class TraineeEnrolledUpcaster0To1 extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_0 = new SimpleSerializedType(TraineeEnrolled.class.getTypeName(), "0");
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TraineeEnrolled.class.getTypeName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return REVISION_0.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_1, JsonNode.class, TraineeEnrolledUpcaster0To1::upcast);
    }

    static JsonNode upcast(JsonNode revision0) {
        if (!(revision0 instanceof ObjectNode event)) {
            return revision0;
        }
        ObjectNode upcast = renamed(event, "participant", "trainee");
        if (upcast.get("trainee") instanceof ObjectNode trainee) {
            upcast.set("trainee", renamed(trainee, "rank", "level"));
        }
        return upcast;
    }

    /** A copy with one field renamed in place (same position), unless the new name is already there. */
    private static ObjectNode renamed(ObjectNode node, String from, String to) {
        if (!node.has(from) || node.has(to)) {
            return node;
        }
        ObjectNode copy = node.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            copy.set(field.getKey().equals(from) ? to : field.getKey(), field.getValue());
        }
        return copy;
    }
}
