package kr.go.gg.training.command.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/imports/historical-courses: the printed record's agreements and courses, see {@link HistoricalImporter}; the
 * answer's {@code position} (and {@code X-Event-Position}) is what a query's {@code minPosition} waits for.
 */
@RestController
@Tag(name = CommandApiDocs.IMPORTS)
public class HistoricalImportController {

    private final CommandSender sender;
    private final HistoricalImporter importer;

    public HistoricalImportController(CommandSender sender, HistoricalImporter importer) {
        this.sender = sender;
        this.importer = importer;
    }

    @Operation(summary = "Import the printed record's courses", description = "Every row is checked before any is"
            + " imported; rows are identified by their content, so a repeated import imports nothing")
    @ApiResponse(responseCode = "200", description = "Imported: counts and the printed totals that differ",
            content = @Content(schema = @Schema(implementation = HistoricalImporter.Imported.class)))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @PostMapping("/api/imports/historical-courses")
    public ResponseEntity<Object> importCourses(@Valid @RequestBody HistoricalImporter.Import body, HttpServletRequest request) {
        HistoricalImporter.Plan plan = importer.plan(body);
        return sender.sendMany(request, body, keyMetaData -> {
            HistoricalImporter.Run run = importer.execute(plan, keyMetaData);
            return new CommandSender.ManyAnswered(run.imported()::at, run.replayed() > 0);
        });
    }
}
