package kr.go.gg.training.command.course.domain;

/** The steps a staff member can take on a course, named as the refusal messages name them. */
public enum Step {
    RECORD_DEMAND_SURVEY("record demand survey"),
    RECORD_COURSE_SELECTION("record course selection"),
    PUBLISH_CONSIGNEE_INVITATION("publish consignee invitation"),
    RECORD_CONSIGNEE_SELECTION("record consignee selection"),
    SCHEDULE("schedule"),
    ENROL("enrol trainee"),
    WITHDRAW("withdraw trainee"),
    START("start"),
    COMPLETE("complete"),
    CANCEL("cancel");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
