package kr.go.gg.training.query.platform.readmodel;

import java.util.List;

/**
 * The processing group names of the read models (= the projection names of the admin paths), and the name of the
 * one tracking processor they all run on.
 */
public final class ProcessingGroups {
    public static final String COURSE_SUMMARIES = "course-summaries";
    public static final String ROSTERS = "rosters";
    public static final String YEARLY_PERFORMANCE = "yearly-performance";
    public static final String KOICA_PIPELINE = "koica-pipeline";
    public static final String AGREEMENTS = "agreements";
    public static final String AUDIT_LOG = "audit-log";

    /** Every processing group of this module, one per read model: the projection names of the admin/replay paths. */
    public static final List<String> ALL = List.of(
            COURSE_SUMMARIES, ROSTERS, YEARLY_PERFORMANCE, KOICA_PIPELINE, AGREEMENTS, AUDIT_LOG);

    /**
     * The one tracking processor of every group above (its token, lag gauge and configuration use this name);
     * configured in {@link ReadModelProcessorConfiguration}.
     */
    public static final String READ_MODELS = "read-models";

    private ProcessingGroups() {
    }
}
