package kr.go.gg.training.query.platform.replay;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** docs/api.md "Audit and operations": projection status (ADMIN, AUDITOR) and replay (ADMIN). */
@RestController
public class ProjectionAdminController {

    private final ProjectionAdmin admin;

    public ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/admin/projections")
    public List<ProjectionAdmin.ProjectionStatus> projections() {
        return admin.statuses();
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    public ResponseEntity<ProjectionAdmin.ProjectionStatus> replay(@PathVariable String name) {
        try {
            return admin.replay(name).map(reset -> ResponseEntity.accepted().body(reset))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No projection named " + name));
        } catch (ProjectionAdmin.ReplayNotPossible e) {
            // another query node did not stop in time: 503 problem+json with Retry-After (QueryProblemAdvice)
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
