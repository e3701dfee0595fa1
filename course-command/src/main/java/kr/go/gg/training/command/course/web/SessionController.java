package kr.go.gg.training.command.course.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.curriculum.AddSession;
import kr.go.gg.training.api.curriculum.RemoveSession;
import kr.go.gg.training.api.curriculum.SessionKind;
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

/** A course's curriculum: add a session, remove one (a correction is a removal and a new session). */
@RestController
@Tag(name = CommandApiDocs.SCHEDULE)
@RequestMapping("/api/courses/{id}/sessions")
public class SessionController {

    @Schema(name = "AddSession")
    public record Add(@Schema(example = "LECTURE", description = "PRELIMINARY_COURSE and POST_COURSE: outbound China"
                              + " exchange courses only") @NotNull SessionKind kind,
                      @Schema(example = "Gyeonggi-do's smart city policy", maxLength = 200)
                      @NotBlank @CodePointLength(max = 200) String title,
                      @Schema(example = "2027-06-08", description = "Inside the training period; a preliminary course"
                              + " before it, a post course after it") @NotNull LocalDate date) {
    }

    @Schema(name = "SessionRemoval")
    public record Removal(@Schema(example = "Entered on the wrong day", maxLength = 2000)
                          @NotBlank @CodePointLength(max = 2000) String reason) {
    }

    @Schema(name = "SessionAdded")
    public record Added(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "0190d1a0-7c3e-7000-8000-000000000003") String sessionId) {
    }

    private final CommandSender sender;

    public SessionController(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "Add a session to the curriculum", description = "While the course is SCHEDULED or"
            + " IN_PROGRESS; GET /api/courses/{id} lists the sessions by date")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation =
            Added.class)), headers = @Header(name = "Location", description = "The session's path",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = "The course is not SCHEDULED or IN_PROGRESS, the date lies outside"
            + " the session's window, the kind is for outbound China courses only, the same session is there already,"
            + " or the Idempotency-Key was used for another request")
    @PostMapping
    public ResponseEntity<Object> add(@PathVariable String id, @Valid @RequestBody Add body, HttpServletRequest request) {
        CourseId courseId = new CourseId(id);
        String sessionId = sender.newId(request);
        return sender.send(request, body, new AddSession(courseId, sessionId, body.kind(), body.title(), body.date()),
                CommandAnswer.created(new Added(sessionId), "/api/courses/" + courseId + "/sessions/" + sessionId, true));
    }

    @Operation(summary = "Remove a session from the curriculum", description = "A correction: the history keeps the"
            + " session and its removal with the reason")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = "No course with this id, or no such session in it")
    @ApiResponse(responseCode = "409", description = "The session is removed already, the course is not SCHEDULED or"
            + " IN_PROGRESS, or the Idempotency-Key was used for another request")
    @PostMapping("/{sessionId}/removal")
    public ResponseEntity<Object> remove(@PathVariable String id, @PathVariable String sessionId,
                                         @Valid @RequestBody Removal body, HttpServletRequest request) {
        return sender.send(request, body, new RemoveSession(new CourseId(id), sessionId, body.reason()),
                CommandAnswer.noContent());
    }
}
