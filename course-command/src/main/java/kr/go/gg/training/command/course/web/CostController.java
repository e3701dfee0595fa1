package kr.go.gg.training.command.course.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.cost.RecordCommission;
import kr.go.gg.training.api.cost.RecordCost;
import kr.go.gg.training.api.cost.WithdrawCost;
import kr.go.gg.training.api.cost.Won;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A course's costs (by the cost-sharing rule) and a KOICA course's consignment commission (docs/api.md, "Costs"). */
@RestController
@Tag(name = CommandApiDocs.MONEY)
@RequestMapping("/api/courses/{id}")
public class CostController {

    @Schema(name = "RecordCost")
    public record Cost(@Schema(example = "ACCOMMODATION") @NotNull CostCategory category,
                       @Schema(description = "Whole won", example = "4200000", minimum = "1", maximum = "10000000000")
                       @NotNull @Min(1) @Max(Won.MAX) Long amount,
                       @Schema(example = "KOICA") @NotNull Payer paidBy,
                       @Schema(example = "Hotel, 14 nights", maxLength = 2000) @CodePointLength(max = 2000) String note) {
    }

    @Schema(name = "CostRecorded")
    public record Recorded(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "0190d1a0-7c3e-7000-8000-000000000003") String costId) {
    }

    @Schema(name = "CostWithdrawal")
    public record Withdrawal(@Schema(example = "Entered twice", maxLength = 2000)
                             @NotBlank @CodePointLength(max = 2000) String reason) {
    }

    @Schema(name = "Commission")
    public record Commission(@Schema(description = "Whole won", example = "30000000", minimum = "1", maximum = "10000000000")
                             @NotNull @Min(1) @Max(Won.MAX) Long amount,
                             @Schema(example = "2027-06-30") @NotNull LocalDate receivedOn) {
    }

    private final CommandSender sender;

    public CostController(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "Record a cost of the course", description = "Refused (409) where paidBy breaks the"
            + " programme's cost-sharing rule; a cost recorded in error is withdrawn, never edited")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation =
            Recorded.class)))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = "paidBy breaks the cost-sharing rule (the detail names it), the"
            + " course has no training period yet, or the Idempotency-Key was used for another request")
    @PostMapping("/costs")
    public ResponseEntity<Object> record(@PathVariable String id, @Valid @RequestBody Cost body, HttpServletRequest request) {
        String costId = sender.newId(request);
        return sender.send(request, body, new RecordCost(new CourseId(id), costId, body.category(), body.amount(),
                body.paidBy(), body.note()), CommandAnswer.created(new Recorded(costId), null, true));
    }

    @Operation(summary = "Withdraw a cost recorded in error", description = "The cost leaves the course and the"
            + " reports; its record and the withdrawal stay in the history")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = "No course with this id, or no such cost in it")
    @ApiResponse(responseCode = "409", description = "Withdrawn before, or the Idempotency-Key was used for another"
            + " request")
    @PostMapping("/costs/{costId}/withdrawal")
    public ResponseEntity<Object> withdraw(@PathVariable String id, @PathVariable String costId,
                                           @Valid @RequestBody Withdrawal body, HttpServletRequest request) {
        return sender.send(request, body, new WithdrawCost(new CourseId(id), costId, body.reason()),
                CommandAnswer.noContent());
    }

    @Operation(summary = "Record the consignment commission of a KOICA course", description = "The province's"
            + " non-tax revenue, counted in the course's training year; recorded again, it replaces the former amount"
            + " (the same amount and day again changes nothing)")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = "Not a KOICA course, no training period yet, cancelled, or the"
            + " Idempotency-Key was used for another request")
    @PostMapping("/commission")
    public ResponseEntity<Object> commission(@PathVariable String id, @Valid @RequestBody Commission body,
                                             HttpServletRequest request) {
        return sender.send(request, body, new RecordCommission(new CourseId(id), body.amount(), body.receivedOn()),
                CommandAnswer.noContent());
    }
}
