package kr.go.gg.training.query.platform.readmodel;

import java.util.List;

/**
 * The processing group names of the read models (= the projection names of the admin paths): each runs on a tracking
 * processor of its own, of the same name (its token, lag gauge and dead letters use that name).
 */
public final class ProcessingGroups {
    public static final String COURSE_SUMMARIES = "course-summaries";
    public static final String ROSTERS = "rosters";
    public static final String YEARLY_PERFORMANCE = "yearly-performance";
    public static final String KOICA_PIPELINE = "koica-pipeline";
    public static final String AGREEMENTS = "agreements";
    public static final String AUDIT_LOG = "audit-log";
    public static final String COSTS = "costs";

    /** Every processing group of this module, one per read model: the projection names of the admin/replay paths. */
    public static final List<String> ALL = List.of(
            COURSE_SUMMARIES, ROSTERS, YEARLY_PERFORMANCE, KOICA_PIPELINE, AGREEMENTS, AUDIT_LOG, COSTS);

    /**
     * The one processor all read models ran on before each had its own: its stored token is where a new projection
     * processor starts on an existing database (no events handled twice on upgrade).
     */
    public static final String FORMER_SHARED_PROCESSOR = "read-models";

    private ProcessingGroups() {
    }
}
