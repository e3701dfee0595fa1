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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only POST, PUT and PATCH have a body here; any other request is handled as if it had none. Some handlers read a
 * body they do not need (Boot's actuator endpoints take an optional JSON body on GET, open to anyone for health), so
 * a GET that declared a large body and trickled it held a worker thread while it was read. Unread, the body is not
 * drained either ({@link UnreadBodyValve}): the answer ends the connection.
 */
public class BodilessMethodsFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean declaresBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        chain.doFilter(declaresBody && !WITH_BODY.contains(request.getMethod()) ? new WithoutBody(request) : request,
                response);
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
