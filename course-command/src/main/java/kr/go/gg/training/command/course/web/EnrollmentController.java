package kr.go.gg.training.command.course.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.hibernate.validator.constraints.CodePointLength;

/** Enrolment and withdrawal of trainees. */
@RestController
@Tag(name = CommandApiDocs.ENROLMENT)
@RequestMapping("/api/courses/{id}/trainees")
public class EnrollmentController {

    @Schema(name = "EnrolTrainee")
    public record Enrol(@Schema(example = "Nguyen Van An", maxLength = 200) @NotBlank @CodePointLength(max = 200) String name,
                        @Schema(example = "Viet Nam", maxLength = 200) @NotBlank @CodePointLength(max = 200) String country,
                        @Schema(example = "Ministry of Construction", maxLength = 200)
                        @NotBlank @CodePointLength(max = 200) String organization,
                        @Schema(example = "Deputy director", maxLength = 200) @NotBlank @CodePointLength(max = 200) String position,
                        @Schema(description = "Required for a KOICA course", example = "MID_LEVEL") TraineeLevel level) {
    }

    @Schema(name = "Withdrawal")
    public record Withdrawal(@Schema(example = "Recalled by the ministry", maxLength = 2000)
                             @NotBlank @CodePointLength(max = 2000) String reason) {
    }

    @Schema(name = "TraineeEnrolled")
    public record Enrolled(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "0190d1a0-7c3e-7000-8000-000000000002") String traineeId) {
    }

    private final CommandSender sender;

    public EnrollmentController(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "Enrol a trainee")
    @ApiResponse(responseCode = "201", description = "Enrolled", content = @Content(schema = @Schema(implementation =
            Enrolled.class)), headers = @Header(name = "Location", description = "The trainee's path",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = "The course is full, not open for enrolment, the trainee is"
            + " enrolled already, or the Idempotency-Key was used for another request")
    @PostMapping
    public ResponseEntity<Object> enrol(@PathVariable String id, @Valid @RequestBody Enrol body, HttpServletRequest request) {
        CourseId courseId = new CourseId(id);
        TraineeId traineeId = new TraineeId(sender.newId(request));
        Trainee trainee = new Trainee(body.name(), body.country(), body.organization(), body.position(), body.level());
        return sender.send(request, body, new EnrollTrainee(courseId, traineeId, trainee),
                CommandAnswer.created(new Enrolled(traineeId.value()), "/api/courses/" + courseId + "/trainees/" + traineeId, true));
    }

    @Operation(summary = "Withdraw a trainee")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = "No course with this id, or no such trainee in it")
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{traineeId}/withdrawal")
    public ResponseEntity<Object> withdraw(@PathVariable String id, @PathVariable String traineeId,
                                           @Valid @RequestBody Withdrawal body, HttpServletRequest request) {
        return sender.send(request, body, new WithdrawTrainee(new CourseId(id), new TraineeId(traineeId), body.reason()),
                CommandAnswer.noContent());
    }
}
