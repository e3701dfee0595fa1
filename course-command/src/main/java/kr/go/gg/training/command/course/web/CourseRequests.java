package kr.go.gg.training.command.course.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.hibernate.validator.constraints.CodePointLength;

/** Request bodies of the course endpoints (docs/api.md). Value rules beyond these live in shared-api's constructors. */
public final class CourseRequests {

    private CourseRequests() {
    }

    public record Propose(@NotBlank @CodePointLength(max = 200) String title, @NotNull Program program, @NotNull Direction direction,
                          @NotBlank @CodePointLength(max = 200) String partner, @NotNull @Min(1) @Max(500) Integer capacity,
                          Integer trainingYear) {
    }

    public record DemandSurvey(@NotNull LocalDate surveyedOn) {
    }

    public record Selection(@NotNull Boolean selected, @NotNull LocalDate decidedOn) {
    }

    public record Invitation(@NotNull @Min(1) @Max(4) Integer quarter, @NotNull LocalDate publishedOn) {
    }

    public record ConsigneeSelection(@NotNull Boolean awarded, @NotNull LocalDate decidedOn) {
    }

    public record Schedule(@NotNull LocalDate startDate, @NotNull LocalDate endDate) {
    }

    public record Reason(@NotBlank @CodePointLength(max = 2000) String reason) {
    }

    /** The body of start and completion: {@code {}} (docs/api.md), required, so that a request cut short is refused. */
    public record Empty() {
    }

    public record Created(String courseId) {
    }
}
