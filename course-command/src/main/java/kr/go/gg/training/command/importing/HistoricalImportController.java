package kr.go.gg.training.command.importing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
public class HistoricalImportController {

    private final CommandSender sender;
    private final HistoricalImporter importer;

    public HistoricalImportController(CommandSender sender, HistoricalImporter importer) {
        this.sender = sender;
        this.importer = importer;
    }

    @PostMapping("/api/imports/historical-courses")
    public ResponseEntity<Object> importCourses(@Valid @RequestBody HistoricalImporter.Import body, HttpServletRequest request) {
        HistoricalImporter.Plan plan = importer.plan(body);
        return sender.sendMany(request, body, keyMetaData -> {
            HistoricalImporter.Run run = importer.execute(plan, keyMetaData);
            return new CommandSender.ManyAnswered(run.imported()::at, run.replayed() > 0);
        });
    }
}
