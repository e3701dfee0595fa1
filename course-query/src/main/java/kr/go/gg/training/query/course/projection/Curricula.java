package kr.go.gg.training.query.course.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.go.gg.training.api.curriculum.CourseSession;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionKind;
import org.bson.Document;

/**
 * A course's curriculum inside its summary document: {@code sessions}, a list of {@code {sessionId, kind, title,
 * date}} kept in date order (sessions of one day in the order they were added). Bounded: a course holds at most a
 * few hundred sessions (the command side's rule). A summary without the field has no sessions.
 */
final class Curricula {

    private static final Comparator<Document> BY_DATE = Comparator.comparing(d -> d.getString("date"));

    private Curricula() {
    }

    static void add(Document course, SessionAdded e) {
        List<Document> sessions = new ArrayList<>(course.getList("sessions", Document.class, List.of()));
        sessions.removeIf(s -> e.sessionId().equals(s.getString("sessionId")));
        sessions.add(new Document("sessionId", e.sessionId()).append("kind", e.kind().name()).append("title", e.title())
                .append("date", e.date().toString()));
        sessions.sort(BY_DATE); // stable: one day's sessions stay in the order added
        course.put("sessions", sessions);
    }

    static void remove(Document course, String sessionId) {
        List<Document> sessions = new ArrayList<>(course.getList("sessions", Document.class, List.of()));
        sessions.removeIf(s -> sessionId.equals(s.getString("sessionId")));
        course.put("sessions", sessions);
    }

    static List<CourseSession> of(Document course) {
        return course.getList("sessions", Document.class, List.of()).stream()
                .map(s -> new CourseSession(s.getString("sessionId"), SessionKind.valueOf(s.getString("kind")),
                        s.getString("title"), LocalDate.parse(s.getString("date"))))
                .toList();
    }
}
