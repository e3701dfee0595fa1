package kr.go.gg.training.api.course;

/** The next step a KOICA course's record waits for (the pipeline's {@code nextStep}), in the lifecycle's order. */
public enum NextStep {
    RECORD_DEMAND_SURVEY,
    RECORD_COURSE_SELECTION,
    PUBLISH_CONSIGNEE_INVITATION,
    RECORD_CONSIGNEE_SELECTION,
    SCHEDULE,
    START,
    COMPLETE
}
