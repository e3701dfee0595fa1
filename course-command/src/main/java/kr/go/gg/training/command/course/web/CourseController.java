package kr.go.gg.training.command.course.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import kr.go.gg.training.api.course.CancelCourse;
import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.course.PublishConsigneeInvitation;
import kr.go.gg.training.api.course.RecordConsigneeSelection;
import kr.go.gg.training.api.course.RecordCourseSelection;
import kr.go.gg.training.api.course.RecordDemandSurvey;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course lifecycle commands. Successful course commands answer the course's version in X-Course-Version. */
@RestController
@RequestMapping("/api/courses")
public class CourseController {

    private final CommandSender sender;

    public CourseController(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "Propose a course", tags = CommandApiDocs.PROPOSAL, description = "A KOICA course must be"
            + " INBOUND; a CHINA_EXCHANGE course's partner must be a Chinese provincial-level division")
    @ApiResponse(responseCode = "201", description = "Proposed", content = @Content(schema = @Schema(implementation =
            CourseRequests.Created.class)), headers = @Header(name = "Location", description = "The course's path",
            schema = @Schema(type = "string", example = "/api/courses/0190d1a0-7c3e-7000-8000-000000000001")))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @PostMapping
    public ResponseEntity<Object> propose(@Valid @RequestBody CourseRequests.Propose body, HttpServletRequest request) {
        CourseId id = new CourseId(sender.newId(request));
        ProposeCourse command = new ProposeCourse(id, body.title(), body.program(), body.direction(), body.partner(),
                body.capacity(), body.trainingYear());
        return sender.send(request, body, command,
                CommandAnswer.created(new CourseRequests.Created(id.value()), "/api/courses/" + id, true));
    }

    @Operation(summary = "Record a KOICA course's demand survey", tags = CommandApiDocs.PROPOSAL)
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/demand-survey")
    public ResponseEntity<Object> demandSurvey(@PathVariable String id, @Valid @RequestBody CourseRequests.DemandSurvey body,
                                               HttpServletRequest request) {
        return sender.send(request, body, new RecordDemandSurvey(new CourseId(id), body.surveyedOn()), CommandAnswer.noContent());
    }

    @Operation(summary = "Record KOICA's selection decision", tags = CommandApiDocs.PROPOSAL, description = "selected false rejects the course")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/selection")
    public ResponseEntity<Object> selection(@PathVariable String id, @Valid @RequestBody CourseRequests.Selection body,
                                            HttpServletRequest request) {
        return sender.send(request, body, new RecordCourseSelection(new CourseId(id), body.selected(), body.decidedOn()),
                CommandAnswer.noContent());
    }

    @Operation(summary = "Publish the consignee invitation", tags = CommandApiDocs.PROPOSAL)
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/consignee-invitation")
    public ResponseEntity<Object> invitation(@PathVariable String id, @Valid @RequestBody CourseRequests.Invitation body,
                                             HttpServletRequest request) {
        return sender.send(request, body, new PublishConsigneeInvitation(new CourseId(id), body.quarter(), body.publishedOn()),
                CommandAnswer.noContent());
    }

    @Operation(summary = "Record the consignee award", tags = CommandApiDocs.PROPOSAL, description = "awarded false: not awarded, the course ends")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/consignee-selection")
    public ResponseEntity<Object> consigneeSelection(@PathVariable String id,
                                                     @Valid @RequestBody CourseRequests.ConsigneeSelection body,
                                                     HttpServletRequest request) {
        return sender.send(request, body, new RecordConsigneeSelection(new CourseId(id), body.awarded(), body.decidedOn()),
                CommandAnswer.noContent());
    }

    @Operation(summary = "Schedule the training period", tags = CommandApiDocs.SCHEDULE, description = "endDate not before startDate, shorter than 366 days; a KOICA course not before its award")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/schedule")
    public ResponseEntity<Object> schedule(@PathVariable String id, @Valid @RequestBody CourseRequests.Schedule body,
                                           HttpServletRequest request) {
        return sender.send(request, body, new ScheduleCourse(new CourseId(id), new Period(body.startDate(), body.endDate())),
                CommandAnswer.noContent());
    }

    @Operation(summary = "Start the course", tags = CommandApiDocs.RUNNING, description = "The body is {}")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/start")
    public ResponseEntity<Object> start(@PathVariable String id, @RequestBody CourseRequests.Empty body,
                                        HttpServletRequest request) {
        // the fingerprint of an Idempotency-Key stays that of no body: the body carries nothing
        return sender.send(request, null, new StartCourse(new CourseId(id)), CommandAnswer.noContent());
    }

    @Operation(summary = "Complete the course", tags = CommandApiDocs.RUNNING, description = "The body is {}")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/completion")
    public ResponseEntity<Object> complete(@PathVariable String id, @RequestBody CourseRequests.Empty body,
                                        HttpServletRequest request) {
        // the fingerprint of an Idempotency-Key stays that of no body: the body carries nothing
        return sender.send(request, null, new CompleteCourse(new CourseId(id)), CommandAnswer.noContent());
    }

    @Operation(summary = "Cancel the course", tags = CommandApiDocs.RUNNING)
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = CommandApiDocs.REFUSED)
    @PostMapping("/{id}/cancellation")
    public ResponseEntity<Object> cancel(@PathVariable String id, @Valid @RequestBody CourseRequests.Reason body,
                                         HttpServletRequest request) {
        return sender.send(request, body, new CancelCourse(new CourseId(id), body.reason()), CommandAnswer.noContent());
    }
}
