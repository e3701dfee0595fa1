package kr.go.gg.training.query.platform.replay;

import kr.go.gg.training.query.platform.web.QueryApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md "Audit and operations": the read models' dead letters (ADMIN, AUDITOR) and their retry (ADMIN). */
@RestController
@Tag(name = QueryApiDocs.OPERATIONS)
public class DeadLetterController {

    private static final String PROBLEM = "application/problem+json";

    private final DeadLetterAdmin admin;

    public DeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Parked sequences of the read-model processors, oldest first per processor")
    @ApiResponse(responseCode = "200", description = "the parked sequences (empty while none waits)")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "neither ADMIN nor AUDITOR", content = @Content(mediaType = PROBLEM))
    @GetMapping("/api/admin/dead-letters")
    public List<DeadLetterAdmin.DeadLetter> deadLetters() {
        return admin.list();
    }

    @Operation(summary = "Retries every parked sequence in the background")
    @ApiResponse(responseCode = "202", description = "the retry has started")
    @ApiResponse(responseCode = "401", description = "not signed in", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "not ADMIN", content = @Content(mediaType = PROBLEM))
    @PostMapping("/api/admin/dead-letters/retry")
    public ResponseEntity<Void> retry() {
        admin.retryAll();
        return ResponseEntity.accepted().build();
    }
}
