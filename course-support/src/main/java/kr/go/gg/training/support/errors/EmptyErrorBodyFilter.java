package kr.go.gg.training.support.errors;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error answered with no body becomes a problem: the actuator answers an unknown health group or meter
 * ({@code /actuator/health/nope}, {@code /actuator/metrics/nope}) with a bare 404, set as a status, which never
 * reaches the {@code /error} page. Only when nothing was written and the answer is not committed yet.
 */
final class EmptyErrorBodyFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        int status = response.getStatus();
        if (status >= 400 && !watched.used && !response.isCommitted() && !request.isAsyncStarted()) {
            response.resetBuffer();
            Problems.write(request, response, status, Problems.genericDetail(status));
        }
    }

    /** Notes whether anybody asked for the body's stream or writer. */
    private static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean used;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            used = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            used = true;
            return super.getWriter();
        }
    }
}
