package kr.go.gg.training.api.curriculum;

import java.time.LocalDate;

import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.course.CourseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a session to a course's curriculum; {@code sessionId} is made by the REST layer (derived from an Idempotency-Key). */
public record AddSession(@TargetAggregateIdentifier CourseId courseId, String sessionId, SessionKind kind, String title,
                         LocalDate date) {

    public AddSession {
        Require.present(courseId, "courseId");
        sessionId = Require.text(sessionId, "sessionId", 64);
        Require.present(kind, "kind");
        title = Require.text(title, "title");
        Require.date(date, "date");
    }
}
