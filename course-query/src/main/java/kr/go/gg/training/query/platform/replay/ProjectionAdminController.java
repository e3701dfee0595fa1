package kr.go.gg.training.query.platform.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** docs/api.md "Audit and operations": projection status (ADMIN, AUDITOR) and replay (ADMIN). */
@RestController
@Tag(name = QueryApiDocs.OPERATIONS)
public class ProjectionAdminController {

    private final ProjectionAdmin admin;

    public ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "The projections and their progress", description = "ADMIN, AUDITOR")
    @ApiResponse(responseCode = "200", description = "Every projection")
    @ApiResponse(responseCode = "403", description = "Signed in, but not as ADMIN or AUDITOR")
    @GetMapping("/api/admin/projections")
    public List<ProjectionAdmin.ProjectionStatus> projections() {
        return admin.statuses();
    }

    @Operation(summary = "Rebuild a read model from the first event", description = "ADMIN")
    @ApiResponse(responseCode = "202", description = "The replay started")
    @ApiResponse(responseCode = "403", description = "Signed in, but not as ADMIN")
    @ApiResponse(responseCode = "404", description = "No projection of this name")
    @ApiResponse(responseCode = "503", description = "Another query node did not stop in time; retry after"
            + " Retry-After seconds")
    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionAdmin.ProjectionStatus> replay(
            @Parameter(example = "course-summaries") @PathVariable String name) {
        try {
            return admin.replay(name).map(reset -> ResponseEntity.accepted().body(reset))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection named " + name));
        } catch (ProjectionAdmin.ReplayNotPossible e) {
            // another query node did not stop in time: 503 problem+json with Retry-After (QueryProblemAdvice)
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
