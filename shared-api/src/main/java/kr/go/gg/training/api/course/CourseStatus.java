package kr.go.gg.training.api.course;

/** The course lifecycle of docs/domain.md, in its order; the last three are terminal side exits. */
public enum CourseStatus {
    PROPOSED,
    DEMAND_SURVEYED,
    SELECTED,
    INVITATION_PUBLISHED,
    CONSIGNEE_AWARDED,
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    REJECTED,
    NOT_AWARDED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == REJECTED || this == NOT_AWARDED || this == CANCELLED;
    }
}
