package kr.go.gg.training.query.mongo;

/** The processing group (= event processor) names of the read models. */
public final class ProcessingGroups {
    public static final String COURSE_SUMMARIES = "course-summaries";
    public static final String ROSTERS = "rosters";
    public static final String YEARLY_PERFORMANCE = "yearly-performance";
    public static final String KOICA_PIPELINE = "koica-pipeline";
    public static final String AGREEMENTS = "agreements";
    public static final String AUDIT_LOG = "audit-log";

    private ProcessingGroups() {
    }
}
