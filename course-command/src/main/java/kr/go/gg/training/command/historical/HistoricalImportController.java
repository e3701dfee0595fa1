package kr.go.gg.training.command.historical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import kr.go.gg.training.command.domain.Refusal;
import kr.go.gg.training.command.web.CommandProblemHandler;
import kr.go.gg.training.command.web.CommandSender;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Imports the printed record's courses as completed courses with a headcount. Ids derive from each row, so a
 * repeated import imports nothing and counts the rows as already imported. Every row is checked before the
 * first is imported: a bad row refuses the whole request.
 */
@RestController
public class HistoricalImportController {

    public record CourseRow(@NotNull Program program, Direction direction, @NotBlank @Size(max = 200) String partner,
                            @NotNull LocalDate startDate, @NotNull LocalDate endDate,
                            @NotNull @Min(0) @Max(10_000) Integer people) {
    }

    public record PrintedTotalRow(@NotNull Integer year, Program program, @NotNull @Min(0) Integer courses,
                                  @NotNull @Min(0) Integer people) {
    }

    public record Import(@NotNull @Size(max = 5000) List<@Valid @NotNull CourseRow> courses,
                         @Size(max = 1000) List<@Valid @NotNull PrintedTotalRow> printedTotals) {
    }

    public record Imported(int imported, int alreadyImported, List<HistoricalImport.Discrepancy> discrepancies) {
    }

    private final CommandSender sender;
    private final CommandGateway commandGateway;

    public HistoricalImportController(CommandSender sender, CommandGateway commandGateway) {
        this.sender = sender;
        this.commandGateway = commandGateway;
    }

    @PostMapping("/api/imports/historical-courses")
    public ResponseEntity<Object> importCourses(@Valid @RequestBody Import body, HttpServletRequest request) {
        List<ImportHistoricalCourse> commands = new ArrayList<>();
        List<HistoricalImport.Row> rows = new ArrayList<>();
        for (int i = 0; i < body.courses().size(); i++) {
            CourseRow row = body.courses().get(i);
            Direction direction = row.direction() == null ? Direction.INBOUND : row.direction();
            try {
                Period period = new Period(row.startDate(), row.endDate());
                commands.add(new ImportHistoricalCourse(
                        ImportHistoricalCourse.idFor(row.program(), direction, row.partner(), period),
                        row.program(), direction, row.partner(), period, row.people(), "historical import"));
            } catch (InvalidValueException e) {
                String problem = e.getMessage().startsWith(e.field() + " ") ? e.getMessage().substring(e.field().length() + 1) : e.getMessage();
                throw new InvalidValueException("courses[" + i + "]." + e.field(), problem);
            }
            rows.add(new HistoricalImport.Row(row.program(), direction, row.startDate().getYear(), row.people()));
        }
        List<HistoricalImport.PrintedTotal> printed = body.printedTotals() == null ? List.of()
                : body.printedTotals().stream()
                .map(total -> new HistoricalImport.PrintedTotal(total.year(), total.program(), total.courses(), total.people()))
                .toList();
        return sender.sendMany(request, body, () -> {
            int imported = 0;
            int already = 0;
            for (ImportHistoricalCourse command : commands) {
                try {
                    commandGateway.sendAndWait(command);
                    imported++;
                } catch (CommandExecutionException e) {
                    if (CommandProblemHandler.refusalOf(e).map(Refusal::kind).orElse(null) != Refusal.Kind.ALREADY_EXISTS) {
                        throw e;
                    }
                    already++;
                }
            }
            return new Imported(imported, already, HistoricalImport.discrepancies(rows, printed));
        });
    }
}
