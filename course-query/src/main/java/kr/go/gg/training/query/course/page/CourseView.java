package kr.go.gg.training.query.course.page;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.enrollment.FindRoster;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.query.platform.page.KoreanDates;
import kr.go.gg.training.query.platform.page.PageUser;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the course page shows, asked through the query bus and cut to the viewer's role on the server: the roster
 * only for roles that may see personal data (a VIEWER's page is built without asking for it), the history and the
 * state as of an instant for those who may audit, the next steps' forms for those who may act.
 */
@Component
public class CourseView {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final QueryGateway queries;
    private final ObjectMapper json;

    public CourseView(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /**
     * Fills {@code model} for {@code user}'s page of {@code course}; {@code asOf} (may be null) for the auditor's view.
     * The user is given, not looked up: this may run on another thread than the request's.
     */
    public void fill(Model model, PageUser user, CourseSummary course, Instant asOf) {
        // as a map, so fields other parts add to the summary (sessions, costs) show without a change here
        model.addAttribute("course", json.convertValue(course, MAP));
        model.addAttribute("summary", course);
        if (user.mayReadPersonal()) {
            Roster roster = queries.query(new FindRoster(course.courseId()), instanceOf(Roster.class)).join();
            model.addAttribute("roster", roster == null ? List.of() : roster.trainees());
        }
        if (user.mayAudit()) {
            List<AuditEntry> history = history(course.courseId());
            model.addAttribute("history", history);
            if (asOf != null) {
                model.addAttribute("asOf", asOf);
                model.addAttribute("asOfLocal", asOf.atZone(KoreanDates.SEOUL).toLocalDateTime().withNano(0));
                model.addAttribute("stateAsOf", CourseAsOf.fold(history, asOf));
            }
        }
        if (user.mayAct()) {
            model.addAttribute("steps", StepForm.next(course.program(), course.status()));
            model.addAttribute("formKey", UUID.randomUUID().toString());
        }
    }

    /** The course's entries of the audit log (its read model keeps who did what per day), the last year's. */
    private List<AuditEntry> history(String courseId) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        AuditLog log = queries.query(new FindAuditLog(null, today.minusDays(FindAuditLog.MAX_DAYS - 1), today),
                instanceOf(AuditLog.class)).join();
        return log.entries().stream().filter(entry -> courseId.equals(entry.courseId())).toList();
    }
}
