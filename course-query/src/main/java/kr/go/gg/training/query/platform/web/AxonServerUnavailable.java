package kr.go.gg.training.query.platform.web;

import io.grpc.Status;
import java.util.stream.Collectors;
import org.apache.commons.lang3.exception.ExceptionUtils;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

/** Which failures of the query bus mean "Axon Server cannot answer now" (503), wherever in the cause chain. */
final class AxonServerUnavailable {

    private AxonServerUnavailable() {
    }

    static boolean causedBy(Throwable e) {
        return ExceptionUtils.getThrowableList(e).stream().anyMatch(AxonServerUnavailable::unavailable);
    }

    private static boolean unavailable(Throwable t) {
        return t instanceof AxonServerException || t instanceof AxonServerQueryDispatchException
                || t instanceof NoHandlerForQueryException
                || t instanceof StatusRuntimeException grpc && grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
                || t instanceof IllegalStateException && thrownByTheConnector(t);
    }

    /**
     * Thrown inside gRPC or Axon Server's connector: opening a subscription query while the server is away fails with
     * gRPC's {@code IllegalStateException} "Stream is already completed" (found against Axon Server SE 4.6.11).
     */
    private static boolean thrownByTheConnector(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, CONNECTOR_FRAMES); i++) {
            String type = frames[i].getClassName();
            if (type.startsWith("io.grpc.") || type.startsWith("io.axoniq.axonserver.connector.")) {
                return true;
            }
        }
        return false;
    }

    /** How deep into the stack the thrower is looked for (past precondition helpers such as Guava's). */
    private static final int CONNECTOR_FRAMES = 4;

    /** For the log: each exception of the chain with its message. */
    static String describe(Throwable e) {
        return ExceptionUtils.getThrowableList(e).stream().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .collect(Collectors.joining(" <- "));
    }
}
