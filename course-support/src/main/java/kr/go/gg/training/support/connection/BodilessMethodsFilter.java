package kr.go.gg.training.support.connection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only POST, PUT and PATCH have a body here; any other request is handled as if it had none. Some handlers read a
 * body they do not need (Boot's actuator endpoints take an optional JSON body on GET, open to anyone for health), so
 * a GET that declared a large body and trickled it held a worker thread while it was read. Unread, the body is not
 * drained either ({@link UnreadBodyValve}): the answer ends the connection, and says so.
 */
public class BodilessMethodsFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean declaresBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!declaresBody) {
            chain.doFilter(request, response);
        } else if (!WITH_BODY.contains(request.getMethod())) {
            response.setHeader("Connection", "close"); // said before anything is written: the body stays unread
            chain.doFilter(new WithoutBody(request), response);
        } else {
            chain.doFilter(request, new CloseWhenUnread(request, response));
        }
    }

    /**
     * An answer committed while its request's body is unread (a 401 that flushed its problem) says
     * {@code Connection: close}: {@link UnreadBodyValve} closes the connection, and a client must not reuse it.
     */
    private static final class CloseWhenUnread extends OnCommittedResponseWrapper {

        private final HttpServletRequest request;

        CloseWhenUnread(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        protected void onResponseCommitted() {
            boolean read;
            try {
                read = request.getInputStream().isFinished();
            } catch (IllegalStateException | IOException readAsText) {
                read = false; // closing costs only the connection's reuse
            }
            if (!read) {
                setHeader("Connection", "close");
            }
        }
    }

    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(""));
        }
    }
}
