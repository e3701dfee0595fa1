package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionKind;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;

/**
 * The curriculum's rules (docs/domain.md, "Curriculum"), one named check each. A session is planned against the
 * training period, so the curriculum is open while the course is SCHEDULED or IN_PROGRESS; the record of a completed
 * (or cancelled) course is closed.
 */
public final class CurriculumPolicy {

    /** A course runs at most a year: a few sessions a day stay well under this. */
    public static final int MAX_SESSIONS = 200;
    /** How far before the period a preliminary course, or after it a post course, may lie (as a period's length). */
    public static final int MAX_DAYS_OUTSIDE = Period.MAX_DAYS;

    private CurriculumPolicy() {
    }

    public static void open(CourseState course) {
        if (course.status() != CourseStatus.SCHEDULED && course.status() != CourseStatus.IN_PROGRESS) {
            throw new DomainRefusal("Course '" + course.courseId() + "' is " + course.status() + "; its curriculum can"
                    + " change only while the course is SCHEDULED or IN_PROGRESS (training period set, not completed)");
        }
    }

    public static void groupCoursesOnlyOutboundToChina(CourseState course, SessionKind kind) {
        boolean outboundChina = course.program() == Program.CHINA_EXCHANGE && course.direction() == Direction.OUTBOUND;
        if (kind.isGroupCourse() && !outboundChina) {
            throw new DomainRefusal("Course '" + course.courseId() + "' is a " + course.program() + " "
                    + course.direction() + " course; only outbound China exchange courses have a " + kind);
        }
    }

    /** Regular sessions inside the training period; the preliminary course before it, the post course after it. */
    public static void inItsWindow(CourseState course, SessionKind kind, LocalDate date) {
        Period period = course.period();
        String window = window(period, kind);
        boolean fits = switch (kind) {
            case PRELIMINARY_COURSE -> date.isBefore(period.startDate())
                    && !date.isBefore(period.startDate().minusDays(MAX_DAYS_OUTSIDE));
            case POST_COURSE -> date.isAfter(period.endDate()) && !date.isAfter(period.endDate().plusDays(MAX_DAYS_OUTSIDE));
            default -> !date.isBefore(period.startDate()) && !date.isAfter(period.endDate());
        };
        if (!fits) {
            throw new DomainRefusal("Course '" + course.courseId() + "' runs " + period.startDate() + " to "
                    + period.endDate() + "; a " + kind + " on " + date + " is refused: it must lie " + window);
        }
    }

    private static String window(Period period, SessionKind kind) {
        return switch (kind) {
            case PRELIMINARY_COURSE -> "before the training period (" + period.startDate().minusDays(MAX_DAYS_OUTSIDE)
                    + " to " + period.startDate().minusDays(1) + ")";
            case POST_COURSE -> "after the training period (" + period.endDate().plusDays(1) + " to "
                    + period.endDate().plusDays(MAX_DAYS_OUTSIDE) + ")";
            default -> "inside the training period";
        };
    }

    /** The same kind, title (case and spacing aside) and day twice is a slip, not a second session. */
    public static void notTwice(CourseState course, Collection<SessionAdded> sessions, SessionKind kind, String title,
                                LocalDate date) {
        for (SessionAdded s : sessions) {
            if (s.kind() == kind && s.date().equals(date) && key(s.title()).equals(key(title))) {
                throw new DomainRefusal("Course '" + course.courseId() + "' already has this " + kind + " on " + date
                        + " (session '" + s.sessionId() + "')");
            }
        }
    }

    /** A session's id names one session for ever, removed or not (ids derive from Idempotency-Keys). */
    public static void idUnused(CourseState course, String sessionId, boolean used) {
        if (used) {
            throw new DomainRefusal("Course '" + course.courseId() + "' has (or had) a session '" + sessionId + "'");
        }
    }

    public static void notFull(CourseState course, int sessions) {
        if (sessions >= MAX_SESSIONS) {
            throw new DomainRefusal("Course '" + course.courseId() + "' has " + sessions + " sessions, the most a"
                    + " curriculum holds; allowed now: remove a session first");
        }
    }

    public static void known(CourseState course, String sessionId, boolean live, boolean removed) {
        if (removed) {
            throw new DomainRefusal("Session '" + sessionId + "' of course '" + course.courseId() + "' is already removed");
        }
        if (!live) {
            throw new NotFound("Course '" + course.courseId() + "' has no session '" + sessionId + "'");
        }
    }

    /** A new training period must still hold every session, or the schedule would contradict the curriculum. */
    public static void periodHoldsSessions(CourseState course, Period period, Collection<SessionAdded> sessions) {
        CourseState moved = new CourseState(course.courseId(), course.program(), course.direction(), course.partner(),
                course.capacity(), course.status(), course.lastStageDate(), period, course.enrolled());
        List<String> outside = sessions.stream().filter(s -> !fits(moved, s)).map(s -> s.kind() + " on " + s.date()).toList();
        if (!outside.isEmpty()) {
            throw new DomainRefusal("Course '" + course.courseId() + "' cannot move to " + period.startDate() + " to "
                    + period.endDate() + ": its curriculum has " + String.join(", ", outside) + " outside the new"
                    + " window; allowed now: remove or re-add those sessions first");
        }
    }

    private static boolean fits(CourseState course, SessionAdded session) {
        try {
            inItsWindow(course, session.kind(), session.date());
            return true;
        } catch (DomainRefusal e) {
            return false;
        }
    }

    private static String key(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
