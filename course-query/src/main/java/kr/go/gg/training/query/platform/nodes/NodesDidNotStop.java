package kr.go.gg.training.query.platform.nodes;

/** No answer from some query node in time: the replay is not started (and everything stopped starts again). */
public final class NodesDidNotStop extends RuntimeException {

    NodesDidNotStop(String message) {
        super(message);
    }
}
