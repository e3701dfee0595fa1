package kr.go.gg.training.command.course.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
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

    @Schema(name = "ProposeCourse")
    public record Propose(@Schema(example = "Smart city planning", maxLength = 200) @NotBlank @CodePointLength(max = 200) String title,
                          @Schema(example = "KOICA") @NotNull Program program,
                          @Schema(example = "INBOUND") @NotNull Direction direction,
                          @Schema(example = "Viet Nam", maxLength = 200) @NotBlank @CodePointLength(max = 200) String partner,
                          @Schema(example = "20") @NotNull @Min(1) @Max(500) Integer capacity,
                          @Schema(description = "The year the course is meant to run", example = "2027") Integer trainingYear) {
    }

    @Schema(name = "DemandSurvey")
    public record DemandSurvey(@Schema(example = "2027-01-15") @NotNull LocalDate surveyedOn) {
    }

    @Schema(name = "CourseSelection")
    public record Selection(@Schema(example = "true") @NotNull Boolean selected,
                            @Schema(example = "2027-02-01") @NotNull LocalDate decidedOn) {
    }

    @Schema(name = "ConsigneeInvitation")
    public record Invitation(@Schema(example = "1") @NotNull @Min(1) @Max(4) Integer quarter,
                             @Schema(example = "2027-02-15") @NotNull LocalDate publishedOn) {
    }

    @Schema(name = "ConsigneeSelection")
    public record ConsigneeSelection(@Schema(example = "true") @NotNull Boolean awarded,
                                     @Schema(example = "2027-03-01") @NotNull LocalDate decidedOn) {
    }

    @Schema(name = "Schedule")
    public record Schedule(@Schema(example = "2027-06-07") @NotNull LocalDate startDate,
                           @Schema(example = "2027-06-18") @NotNull LocalDate endDate) {
    }

    @Schema(name = "Reason")
    public record Reason(@Schema(example = "The partner withdrew", maxLength = 2000)
                         @NotBlank @CodePointLength(max = 2000) String reason) {
    }

    /** The body of start and completion: {@code {}} (docs/api.md), required, so that a request cut short is refused. */
    @Schema(name = "Empty", example = "{}")
    public record Empty() {
    }

    @Schema(name = "CourseProposed")
    public record Created(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "0190d1a0-7c3e-7000-8000-000000000001") String courseId) {
    }
}
