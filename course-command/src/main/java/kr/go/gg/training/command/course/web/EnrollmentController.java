package kr.go.gg.training.command.course.web;

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
@RequestMapping("/api/courses/{id}/trainees")
public class EnrollmentController {

    public record Enrol(@NotBlank @CodePointLength(max = 200) String name, @NotBlank @CodePointLength(max = 200) String country,
                        @NotBlank @CodePointLength(max = 200) String organization, @NotBlank @CodePointLength(max = 200) String position,
                        TraineeLevel level) {
    }

    public record Withdrawal(@NotBlank @CodePointLength(max = 2000) String reason) {
    }

    public record Enrolled(String traineeId) {
    }

    private final CommandSender sender;

    public EnrollmentController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<Object> enrol(@PathVariable String id, @Valid @RequestBody Enrol body, HttpServletRequest request) {
        CourseId courseId = new CourseId(id);
        TraineeId traineeId = new TraineeId(sender.newId(request));
        Trainee trainee = new Trainee(body.name(), body.country(), body.organization(), body.position(), body.level());
        return sender.send(request, body, new EnrollTrainee(courseId, traineeId, trainee),
                CommandAnswer.created(new Enrolled(traineeId.value()), "/api/courses/" + courseId + "/trainees/" + traineeId, true));
    }

    @PostMapping("/{traineeId}/withdrawal")
    public ResponseEntity<Object> withdraw(@PathVariable String id, @PathVariable String traineeId,
                                           @Valid @RequestBody Withdrawal body, HttpServletRequest request) {
        return sender.send(request, body, new WithdrawTrainee(new CourseId(id), new TraineeId(traineeId), body.reason()),
                CommandAnswer.noContent());
    }
}
