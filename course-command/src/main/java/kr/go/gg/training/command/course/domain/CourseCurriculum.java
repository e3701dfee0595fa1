package kr.go.gg.training.command.course.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.curriculum.AddSession;
import kr.go.gg.training.api.curriculum.RemoveSession;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The curriculum of one course: its sessions (lectures, field trips, ... and the outbound groups' preliminary and post
 * courses). An aggregate member of {@link Course}, as {@link CourseRoster} is: it handles adding and removing a session
 * under {@link CurriculumPolicy}'s rules and folds their events; Course's {@code answerOnce} intercepts these commands
 * too (Idempotency-Key). A correction is a removal and a new session: the history keeps both.
 */
public final class CourseCurriculum {

    private final Course course;
    private final Map<String, SessionAdded> sessions = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();

    CourseCurriculum(Course course) {
        this.course = course;
    }

    @CommandHandler
    public long handle(AddSession command) {
        CourseState state = course.state();
        CurriculumPolicy.open(state);
        CurriculumPolicy.groupCoursesOnlyOutboundToChina(state, command.kind());
        CurriculumPolicy.inItsWindow(state, command.kind(), command.date());
        CurriculumPolicy.notTwice(state, sessions.values(), command.kind(), command.title(), command.date());
        CurriculumPolicy.idUnused(state, command.sessionId(),
                sessions.containsKey(command.sessionId()) || removed.contains(command.sessionId()));
        CurriculumPolicy.notFull(state, sessions.size());
        apply(new SessionAdded(state.courseId(), command.sessionId(), command.kind(), command.title(), command.date()));
        return Course.version();
    }

    @CommandHandler
    public long handle(RemoveSession command) {
        CourseState state = course.state();
        CurriculumPolicy.known(state, command.sessionId(), sessions.containsKey(command.sessionId()),
                removed.contains(command.sessionId()));
        CurriculumPolicy.open(state);
        apply(new SessionRemoved(state.courseId(), command.sessionId(), command.reason()));
        return Course.version();
    }

    /** Called by the course before it moves its training period: the sessions must still lie in their windows. */
    void requireRoomFor(Period period) {
        if (!sessions.isEmpty()) {
            CurriculumPolicy.periodHoldsSessions(course.state(), period, sessions.values());
        }
    }

    @EventSourcingHandler
    void on(SessionAdded event) {
        sessions.put(event.sessionId(), event);
    }

    @EventSourcingHandler
    void on(SessionRemoved event) {
        sessions.remove(event.sessionId());
        removed.add(event.sessionId());
    }
}
