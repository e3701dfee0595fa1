package kr.go.gg.training.support.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * One way to write an error as {@code application/problem+json} (RFC 9457) from any layer: the security chains,
 * the firewall, the {@code /error} page and Tomcat's own error report. Each answer carries Spring Security's default
 * security headers (the very writers its {@code HeaderWriterFilter} uses), also where that filter never ran (a
 * request refused by the firewall or by Tomcat). The detail is always written here, never an exception's message.
 */
public final class Problems {

    /** The title of every 400, whichever layer refuses the request (both apps' handlers use it too). */
    public static final String INVALID_REQUEST = "Invalid request";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Spring Security's defaults (HeadersConfigurer); each writes only a header the response does not have yet
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter());

    private Problems() {
    }

    /** The problem's JSON: {@code type}, {@code title} (the status's reason phrase; {@link #INVALID_REQUEST} for 400), {@code status}, {@code detail}. */
    public static String json(int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status, security headers, content type and body; the response must not be committed yet. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        response.setStatus(status);
        securityHeaders(request, response);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, detail).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    public static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
        SECURITY_HEADERS.forEach(writer -> writer.writeHeaders(request, response));
    }

    /** A detail for a status whose cause must not be told (an exception, a parser's message). */
    public static String genericDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: check its path, query and headers";
            case 404 -> "There is nothing at this path";
            case 405 -> "This method is not allowed on this path (the Allow header lists the allowed ones)";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is too large";
            case 414 -> "The request's path and query are too long";
            case 431 -> "The request's headers are too large";
            case 505 -> "Only HTTP/1.1 (and HTTP/1.0) are served";
            case 501 -> "This transfer encoding or method is not supported";
            default -> status >= 500 ? "The request could not be completed; retry later" : title(status);
        };
    }

    private static String title(int status) {
        if (status == 400) {
            return INVALID_REQUEST;
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
