package kr.go.gg.training.query.course.page;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.query.platform.page.PageCommands;
import kr.go.gg.training.query.platform.page.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Proposing a course from a form. The new course's id derives from the user and the form's Idempotency-Key, so the
 * same form sent twice (a double click) names one course, and its second command is answered without an append.
 */
@Controller
@WebPage
public class NewCoursePage {

    private static final java.util.Set<String> FIELDS = java.util.Set.of("title", "program", "direction", "partner",
            "capacity", "trainingYear");

    private final PageCommands commands;

    public NewCoursePage(PageCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/courses/new")
    public String form(Model model) {
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("values", Map.of("program", "KOICA", "direction", "INBOUND"));
        return "pages/new-course";
    }

    @PostMapping("/courses/new")
    public String propose(@RequestParam Map<String, String> form, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        try {
            String key = form.get("key");
            String id = commands.newId(key, "POST /courses/new");
            Integer year = form.getOrDefault("trainingYear", "").isBlank() ? null : StepCommands.number(form, "trainingYear");
            ProposeCourse command = new ProposeCourse(new CourseId(id), form.get("title"), program(form.get("program")),
                    direction(form.get("direction")), form.get("partner"), StepCommands.number(form, "capacity"), year);
            long position = commands.send(request, key, command);
            return "redirect:/courses/" + id + "?p=" + position;
        } catch (InvalidValueException e) {
            return refused(response, model, form, new Refusal(Refusal.Kind.INVALID, e.getMessage(), e.field()));
        } catch (PageCommands.Refused e) {
            return refused(response, model, form, e.refusal());
        }
    }

    private static String refused(HttpServletResponse response, Model model, Map<String, String> form, Refusal refusal) {
        response.setStatus(refusal.kind() == Refusal.Kind.INVALID ? 400 : 409);
        model.addAttribute("formKey", form.getOrDefault("key", UUID.randomUUID().toString()));
        model.addAttribute("values", form);
        model.addAttribute("refusal", refusal);
        boolean beside = FIELDS.contains(refusal.field());
        model.addAttribute("fieldErrors", beside ? Map.of(refusal.field(), refusal.message()) : Map.of());
        return "pages/new-course";
    }

    private static Program program(String value) {
        try {
            return Program.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("program", "must be CHINA_EXCHANGE or KOICA");
        }
    }

    private static Direction direction(String value) {
        try {
            return Direction.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("direction", "must be INBOUND or OUTBOUND");
        }
    }
}
