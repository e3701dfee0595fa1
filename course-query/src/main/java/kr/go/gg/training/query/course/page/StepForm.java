package kr.go.gg.training.query.course.page;

import java.util.List;
import java.util.Set;

import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Program;

/**
 * The forms a staff member sees for a course's next steps: which step in which state (as docs/domain.md's lifecycle
 * allows it; the command side decides, and a step it refuses is shown with its refusal) and each form's fields.
 */
public enum StepForm {
    DEMAND_SURVEY("demand-survey", Field.date("surveyedOn")),
    SELECTION("selection", Field.yesNo("selected"), Field.date("decidedOn")),
    CONSIGNEE_INVITATION("consignee-invitation", Field.quarter(), Field.date("publishedOn")),
    CONSIGNEE_SELECTION("consignee-selection", Field.yesNo("awarded"), Field.date("decidedOn")),
    SCHEDULE("schedule", Field.date("startDate"), Field.date("endDate")),
    TRAINEES("trainees", Field.text("name"), Field.text("country"), Field.text("organization"), Field.text("position"),
            new Field("level", "level", List.of("MID_LEVEL", "HIGH_RANKING"))),
    START("start"),
    COMPLETION("completion"),
    CANCELLATION("cancellation", new Field("reason", "textarea", List.of()));

    private final String path;
    private final List<Field> fields;

    StepForm(String path, Field... fields) {
        this.path = path;
        this.fields = List.of(fields);
    }

    public String path() {
        return path;
    }

    public List<Field> fields() {
        return fields;
    }

    public static StepForm ofPath(String path) {
        for (StepForm step : values()) {
            if (step.path.equals(path)) {
                return step;
            }
        }
        return null;
    }

    /** The forms shown in {@code status}, in the workflow's order (cancellation last). */
    public static List<StepForm> next(Program program, CourseStatus status) {
        Set<StepForm> steps = switch (status) {
            case PROPOSED -> program == Program.KOICA ? Set.of(DEMAND_SURVEY, CANCELLATION) : Set.of(SCHEDULE, CANCELLATION);
            case DEMAND_SURVEYED -> Set.of(SELECTION, CANCELLATION);
            case SELECTED -> Set.of(CONSIGNEE_INVITATION, CANCELLATION);
            case INVITATION_PUBLISHED -> Set.of(CONSIGNEE_SELECTION, CANCELLATION);
            case CONSIGNEE_AWARDED -> Set.of(SCHEDULE, CANCELLATION);
            case SCHEDULED -> Set.of(TRAINEES, START, CANCELLATION);
            case IN_PROGRESS -> Set.of(COMPLETION, CANCELLATION);
            case COMPLETED, REJECTED, NOT_AWARDED, CANCELLED -> Set.of();
        };
        return java.util.Arrays.stream(values()).filter(steps::contains).toList();
    }

    /** A form field: {@code type} is date, number, text, textarea, yesno or a select's name with its options. */
    public record Field(String name, String type, List<String> options) {

        static Field date(String name) {
            return new Field(name, "date", List.of());
        }

        static Field text(String name) {
            return new Field(name, "text", List.of());
        }

        static Field yesNo(String name) {
            return new Field(name, "yesno", List.of("true", "false"));
        }

        static Field quarter() {
            return new Field("quarter", "quarter", List.of("1", "2", "3", "4"));
        }
    }
}
