package kr.go.gg.training.query.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** Who may use the projection admin paths. */
class ProjectionAdminPathsHttpTest extends QueryApplicationTest {

    @Test
    void adminPathsAreForAdminsAndAuditorsMayListProjections() throws Exception {
        assertProblem(get("viewer", "/api/admin/projections"), 403);
        assertProblem(get("staff", "/api/admin/projections"), 403);
        assertProblem(get(null, "/api/admin/projections"), 401);
        assertThat(get("auditor", "/api/admin/projections").statusCode()).isEqualTo(200);
        assertThat(get("admin", "/api/admin/projections").statusCode()).isEqualTo(200);
        var replayAsAuditor = http.send(request("auditor", "/api/admin/projections/rosters/replay")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(replayAsAuditor, 403);
    }
}
