package kr.go.gg.training.api.curriculum;

/**
 * The kinds of a curriculum's sessions (the seed's "training content"): lectures, field trips and inspections in
 * local areas, industrial inspections, seminars, visits to cultural sites; and, for outbound China groups only, the
 * preliminary group course before the trip and the post group course after it, to share results.
 */
public enum SessionKind {
    LECTURE,
    FIELD_TRIP,
    INDUSTRIAL_INSPECTION,
    SEMINAR,
    CULTURAL_VISIT,
    PRELIMINARY_COURSE,
    POST_COURSE;

    /** Held outside the training period (before or after it), by outbound China groups only. */
    public boolean isGroupCourse() {
        return this == PRELIMINARY_COURSE || this == POST_COURSE;
    }
}
