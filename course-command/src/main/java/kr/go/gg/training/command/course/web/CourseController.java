package kr.go.gg.training.command.course.web;

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

    @PostMapping
    public ResponseEntity<Object> propose(@Valid @RequestBody CourseRequests.Propose body, HttpServletRequest request) {
        CourseId id = new CourseId(sender.newId(request));
        ProposeCourse command = new ProposeCourse(id, body.title(), body.program(), body.direction(), body.partner(),
                body.capacity(), body.trainingYear());
        return sender.send(request, body, command,
                CommandAnswer.created(new CourseRequests.Created(id.value()), "/api/courses/" + id, true));
    }

    @PostMapping("/{id}/demand-survey")
    public ResponseEntity<Object> demandSurvey(@PathVariable String id, @Valid @RequestBody CourseRequests.DemandSurvey body,
                                               HttpServletRequest request) {
        return sender.send(request, body, new RecordDemandSurvey(new CourseId(id), body.surveyedOn()), CommandAnswer.noContent());
    }

    @PostMapping("/{id}/selection")
    public ResponseEntity<Object> selection(@PathVariable String id, @Valid @RequestBody CourseRequests.Selection body,
                                            HttpServletRequest request) {
        return sender.send(request, body, new RecordCourseSelection(new CourseId(id), body.selected(), body.decidedOn()),
                CommandAnswer.noContent());
    }

    @PostMapping("/{id}/consignee-invitation")
    public ResponseEntity<Object> invitation(@PathVariable String id, @Valid @RequestBody CourseRequests.Invitation body,
                                             HttpServletRequest request) {
        return sender.send(request, body, new PublishConsigneeInvitation(new CourseId(id), body.quarter(), body.publishedOn()),
                CommandAnswer.noContent());
    }

    @PostMapping("/{id}/consignee-selection")
    public ResponseEntity<Object> consigneeSelection(@PathVariable String id,
                                                     @Valid @RequestBody CourseRequests.ConsigneeSelection body,
                                                     HttpServletRequest request) {
        return sender.send(request, body, new RecordConsigneeSelection(new CourseId(id), body.awarded(), body.decidedOn()),
                CommandAnswer.noContent());
    }

    @PostMapping("/{id}/schedule")
    public ResponseEntity<Object> schedule(@PathVariable String id, @Valid @RequestBody CourseRequests.Schedule body,
                                           HttpServletRequest request) {
        return sender.send(request, body, new ScheduleCourse(new CourseId(id), new Period(body.startDate(), body.endDate())),
                CommandAnswer.noContent());
    }

    @PostMapping("/{id}/start")
    public ResponseEntity<Object> start(@PathVariable String id, @RequestBody CourseRequests.Empty body,
                                        HttpServletRequest request) {
        // the fingerprint of an Idempotency-Key stays that of no body: the body carries nothing
        return sender.send(request, null, new StartCourse(new CourseId(id)), CommandAnswer.noContent());
    }

    @PostMapping("/{id}/completion")
    public ResponseEntity<Object> complete(@PathVariable String id, @RequestBody CourseRequests.Empty body,
                                        HttpServletRequest request) {
        // the fingerprint of an Idempotency-Key stays that of no body: the body carries nothing
        return sender.send(request, null, new CompleteCourse(new CourseId(id)), CommandAnswer.noContent());
    }

    @PostMapping("/{id}/cancellation")
    public ResponseEntity<Object> cancel(@PathVariable String id, @Valid @RequestBody CourseRequests.Reason body,
                                         HttpServletRequest request) {
        return sender.send(request, body, new CancelCourse(new CourseId(id), body.reason()), CommandAnswer.noContent());
    }
}
