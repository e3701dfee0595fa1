package kr.go.gg.training.standalone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of docs/api.md's role matrix: no credentials 401, wrong role 403, both as problem+json; an allowed role
 * gets past security (its answer may still be 400 or 404 for the dummy ids and bodies used here).
 */
class RoleMatrixTest extends StandaloneTestBase {

    private static final String ID = "/api/courses/00000000-0000-0000-0000-000000000000";
    private static final Set<String> COMMANDERS = Set.of("staff", "admin");
    private static final Set<String> EVERYONE = Set.of("staff", "auditor", "viewer", "admin");
    private static final Set<String> PERSONAL_DATA = Set.of("staff", "auditor", "admin");

    record Cell(String method, String path, String user, boolean allowed) {
        @Override
        public String toString() {
            return user + " " + method + " " + path + (allowed ? " allowed" : " refused");
        }
    }

    static Stream<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String command : List.of("/api/agreements", "/api/courses", ID + "/demand-survey", ID + "/selection",
                ID + "/consignee-invitation", ID + "/consignee-selection", ID + "/schedule", ID + "/trainees",
                ID + "/trainees/t-1/withdrawal", ID + "/start", ID + "/completion", ID + "/cancellation",
                "/api/imports/historical-courses", ID + "/costs", ID + "/costs/c-1/withdrawal", ID + "/commission")) {
            add(cells, "POST", command, COMMANDERS);
        }
        for (String read : List.of("/api/courses", ID, "/api/reports/yearly-performance",
                "/api/reports/yearly-performance/stream", "/api/pipeline?year=2016", "/api/agreements",
                "/api/reports/costs?year=2016")) {
            add(cells, "GET", read, EVERYONE);
        }
        add(cells, "GET", ID + "/trainees", PERSONAL_DATA);
        add(cells, "GET", ID + "/history", PERSONAL_DATA);
        add(cells, "GET", ID + "/state?asOf=2016-06-29T09:00:00Z", PERSONAL_DATA);
        add(cells, "GET", "/api/audit-log?from=2016-01-01&to=2016-01-02", PERSONAL_DATA);
        add(cells, "POST", ID + "/trainees/t-1/erasure", Set.of("admin"));
        add(cells, "GET", ID + "/trainees/t-1/certificate", COMMANDERS);
        add(cells, "GET", ID + "/trainees/t-1/personal-data", Set.of("admin"));
        add(cells, "GET", "/api/privacy/erasures", Set.of("auditor", "admin"));
        add(cells, "GET", "/actuator/metrics", Set.of("admin"));
        add(cells, "GET", "/actuator/metrics/course.commands", Set.of("admin"));
        add(cells, "GET", "/actuator/info", Set.of("admin"));
        add(cells, "GET", "/api/admin/projections", Set.of("auditor", "admin"));
        add(cells, "POST", "/api/admin/projections/no-such-projection/replay", Set.of("admin"));
        return cells.stream();
    }

    private static void add(List<Cell> cells, String method, String path, Set<String> allowed) {
        cells.add(new Cell(method, path, null, false));
        for (String user : EVERYONE) {
            cells.add(new Cell(method, path, user, allowed.contains(user)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void the_role_matrix_holds(Cell cell) {
        HttpApi.Answer answer = api.head(cell.user(), cell.method(), cell.path());

        if (cell.allowed()) {
            assertThat(answer.status()).as(cell.toString()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(answer.status()).as(cell.toString()).isEqualTo(cell.user() == null ? 401 : 403);
            assertThat(answer.contentType()).as(cell.toString()).startsWith("application/problem+json");
        }
    }

    static Stream<Arguments> healthCallers() {
        return Stream.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .flatMap(path -> Stream.of(null, "staff", "auditor", "viewer", "admin").map(user -> Arguments.of(path, user)));
    }

    /** Probes need no credentials and get the status; details (absolute paths, database names) are for ADMIN only. */
    @ParameterizedTest(name = "{1} GET {0}")
    @MethodSource("healthCallers")
    void health_details_only_for_admin(String path, String user) {
        HttpApi.Answer answer = api.get(user, path);

        assertThat(answer.status()).isEqualTo(200);
        if ("admin".equals(user)) {
            assertThat(answer.json().has("components")).isTrue();
        } else {
            assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    /** User names are matched exactly: the user store does not fold case or trim. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Staff", "STAFF", " staff", "staff ", "ADMIN"})
    void a_user_name_in_another_case_is_another_user(String name) {
        String password = name.trim().toLowerCase(Locale.ROOT) + "-pass";

        HttpApi.Answer answer = api.getAs(name, password, "/api/courses");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(api.getAs(name.trim().toLowerCase(Locale.ROOT), password, "/api/courses").status()).isEqualTo(200);
    }
}
