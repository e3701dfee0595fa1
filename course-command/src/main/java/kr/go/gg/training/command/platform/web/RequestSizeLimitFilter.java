package kr.go.gg.training.command.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies above a limit are refused with 413 problem+json before anything is parsed or dispatched:
 * {@code course.http.max-body-size} (1 MB) for every path, {@code course.http.max-import-body-size} (5 MB) for
 * the historical import ({@code /api/imports/**}). A declared Content-Length above the limit is refused without
 * reading the body; a body without one (chunked) is counted while it is read and refused when it passes the limit
 * ({@link BodyTooLarge}, answered by {@link CommandProblemHandler}). Runs before authentication.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Thrown while reading a body that passes the limit; an IOException so parsers pass it on unwrapped. */
    public static class BodyTooLarge extends IOException {

        private final long limit;

        public BodyTooLarge(long limit) {
            super("The request body is larger than " + describe(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final long maxBodySize;
    private final long maxImportBodySize;

    public RequestSizeLimitFilter(DataSize maxBodySize, DataSize maxImportBodySize) {
        this.maxBodySize = maxBodySize.toBytes();
        this.maxImportBodySize = maxImportBodySize.toBytes();
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/imports/") ? maxImportBodySize : maxBodySize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            writeProblem(response, limit);
            return;
        }
        if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response); // a declared length within the limit (the container reads no further), or no body
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (ServletException | IOException | RuntimeException e) {
            BodyTooLarge tooLarge = find(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            writeProblem(response, tooLarge.limit());
        }
    }

    private static BodyTooLarge find(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    public static String describe(long limit) {
        return limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB (" + limit + " bytes)" : limit + " bytes";
    }

    public static String detail(long limit) {
        return "The request body is larger than " + describe(limit) + ", the most this path accepts";
    }

    private static void writeProblem(HttpServletResponse response, long limit) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Content too large");
        problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        problem.put("detail", detail(limit));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void count(long n) throws BodyTooLarge {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLarge(limit);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
