package kr.go.gg.training.api.curriculum;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a session off the curriculum (a correction: the history keeps both the session and its removal). */
public record RemoveSession(@TargetAggregateIdentifier CourseId courseId, String sessionId, String reason) {

    public RemoveSession {
        Require.present(courseId, "courseId");
        sessionId = Require.text(sessionId, "sessionId", 64);
        reason = Require.text(reason, "reason", Require.MAX_LONG_TEXT);
    }
}
