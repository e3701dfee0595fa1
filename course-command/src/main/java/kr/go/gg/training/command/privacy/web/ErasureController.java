package kr.go.gg.training.command.privacy.web;

import kr.go.gg.training.command.platform.web.CommandApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.privacy.EraseTrainee;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a trainee's personal data on request (ADMIN; docs/privacy.md). */
@RestController
@Tag(name = CommandApiDocs.PRIVACY)
public class ErasureController {

    public record Erasure(@NotBlank @CodePointLength(max = 2000) String reason) {
    }

    private final CommandSender sender;

    public ErasureController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/courses/{id}/trainees/{traineeId}/erasure")
    @Operation(summary = "Destroy a trainee's personal data (its key); the trainee shows erased everywhere from then on",
            responses = {
                @ApiResponse(responseCode = "204", description = "erased, or erased before (nothing appended then)"),
                @ApiResponse(responseCode = "400", description = "no reason", content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "403", description = "not ADMIN", content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "404", description = "no such course or trainee",
                        content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "409", description = "Idempotency-Key reused for another request",
                        content = @Content(mediaType = "application/problem+json"))})
    public ResponseEntity<Object> erase(@PathVariable String id, @PathVariable String traineeId,
                                        @Valid @RequestBody Erasure body, Authentication user, HttpServletRequest request) {
        return sender.send(request, body, new EraseTrainee(new CourseId(id), new TraineeId(traineeId), body.reason(),
                user.getName()), CommandAnswer.noContent());
    }
}
