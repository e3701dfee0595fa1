package kr.go.gg.training.support.logging;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines of a request carry its correlation id and user: both are in the MDC while it is served, and only then. */
class MdcFiltersTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.createAuthorityList(role)));
    }

    /** Both filters in their order, as the request passes them; what the MDC held while it was served. */
    private static Map<String, String> serve(MockHttpServletRequest request, MockHttpServletResponse response)
            throws Exception {
        Map<String, String> seen = new HashMap<>();
        new CorrelationIdFilter().doFilter(request, response, (req, res) ->
                new UserMdcFilter().doFilter(req, res, (innerRequest, innerResponse) -> seen.putAll(MDC.getCopyOfContextMap())));
        return seen;
    }

    @Test
    void the_correlation_id_and_the_user_are_in_the_mdc_during_the_request() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/courses");
        request.addHeader(CorrelationIdFilter.HEADER, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIn("staff", "ROLE_STAFF");

        assertThat(serve(request, response)).containsEntry("correlationId", "req-42").containsEntry("user", "staff");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("req-42");
        assertThat(MDC.get("correlationId")).isNull();
        assertThat(MDC.get("user")).isNull();
    }

    @Test
    void a_missing_or_insane_id_is_replaced_and_anonymous_requests_log_no_user() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.addHeader(CorrelationIdFilter.HEADER, "bad id\nwith newline");
        Map<String, String> seen = serve(request, new MockHttpServletResponse());
        assertThat(seen.get("correlationId")).matches("[0-9a-f-]{36}");
        assertThat(seen).doesNotContainKey("user");
    }

    /** One registration per process (LoggingContextAutoConfiguration): nothing found in the MDC is taken as the request's. */
    @Test
    void a_value_left_in_the_mdc_is_not_taken_for_the_requests_own() throws Exception {
        MDC.put("correlationId", "left-over");
        MDC.put("user", "someone-else");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/courses");
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIn("viewer", "ROLE_VIEWER");

        Map<String, String> seen = serve(request, response);
        assertThat(seen.get("correlationId")).isNotEqualTo("left-over").isEqualTo(response.getHeader(CorrelationIdFilter.HEADER))
                .isEqualTo(request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
        assertThat(seen).containsEntry("user", "viewer");
    }
}
