package kr.go.gg.training.query.course.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.course.CourseStatus;

/**
 * The course as it stood at an instant, folded from its audit entries up to then: its status (the last lifecycle
 * event's) and its enrolment (enrolled minus withdrawn), and how many events it had. What the whole state was (its
 * period, every field) is the command side's {@code GET /api/courses/{id}/state?asOf=}, read from the event store.
 */
public record CourseAsOf(CourseStatus status, int enrolled, int events) {

    private static final Map<String, CourseStatus> STATUS_AFTER = Map.ofEntries(
            Map.entry("CourseProposed", CourseStatus.PROPOSED),
            Map.entry("DemandSurveyRecorded", CourseStatus.DEMAND_SURVEYED),
            Map.entry("CourseSelected", CourseStatus.SELECTED),
            Map.entry("CourseRejected", CourseStatus.REJECTED),
            Map.entry("ConsigneeInvitationPublished", CourseStatus.INVITATION_PUBLISHED),
            Map.entry("ConsigneeAwarded", CourseStatus.CONSIGNEE_AWARDED),
            Map.entry("ConsigneeNotAwarded", CourseStatus.NOT_AWARDED),
            Map.entry("CourseScheduled", CourseStatus.SCHEDULED),
            Map.entry("CourseStarted", CourseStatus.IN_PROGRESS),
            Map.entry("CourseCompleted", CourseStatus.COMPLETED),
            Map.entry("HistoricalCourseImported", CourseStatus.COMPLETED),
            Map.entry("CourseCancelled", CourseStatus.CANCELLED));

    /** Null when the course had no event yet at {@code asOf}. */
    public static CourseAsOf fold(List<AuditEntry> history, Instant asOf) {
        CourseStatus status = null;
        int enrolled = 0;
        int events = 0;
        for (AuditEntry entry : history) {
            if (entry.timestamp().isAfter(asOf)) {
                break;
            }
            events++;
            status = STATUS_AFTER.getOrDefault(entry.action(), status);
            if ("TraineeEnrolled".equals(entry.action())) {
                enrolled++;
            } else if ("TraineeWithdrawn".equals(entry.action())) {
                enrolled--;
            }
        }
        return status == null ? null : new CourseAsOf(status, enrolled, events);
    }
}
