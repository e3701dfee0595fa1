package kr.go.gg.training.support.connection;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A request answered without reading all of its body ends its connection instead of draining the rest. Tomcat
 * drains it on the worker thread for every status but a few (400, 408, 411, 413, 414, 500, 501, 503), each read
 * waiting up to the connection timeout; so a client that declares a large body, sends a few bytes and trickles
 * the rest held a thread per socket after its 401, and some hundred sockets held them all (issue 14). Tomcat's own
 * way for an aborted upload is used: the answer is sent (with {@code Connection: close} unless already on its way:
 * a streamed answer, a GET whose body {@link BodilessMethodsFilter} announced closing at once),
 * the rest is not read and the connection is closed. An engine valve: it runs after the error pages are rendered.
 */
public class UnreadBodyValve extends ValveBase {

    public UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new CloseAtEnd(request));
            } else {
                closeIfUnread(request);
            }
        }
    }

    /**
     * Tomcat marks the exchange as failed, which turns a status below 400 into 500: the answer's own status is put
     * back (this valve runs outside the host's, so no error page is rendered for the mark).
     */
    static void closeIfUnread(Request request) {
        if (!request.getCoyoteRequest().isFinished()) {
            org.apache.coyote.Response answer = request.getCoyoteRequest().getResponse();
            if (!answer.isCommitted()) {
                // Tomcat does not say so for this close: without it a client would reuse the connection
                answer.setHeader("Connection", "close");
            }
            int status = answer.getStatus();
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            answer.setStatus(status);
        }
    }

    /** An asynchronous request (a wait, a stream) ends later; its body, if any, is judged then. */
    private record CloseAtEnd(Request request) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            closeIfUnread(request);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            AsyncContext again = event.getAsyncContext();
            again.addListener(this);
        }
    }
}
