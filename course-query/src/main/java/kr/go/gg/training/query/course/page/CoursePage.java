package kr.go.gg.training.query.course.page;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.command.Refusal;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.query.platform.page.KoreanDates;
import kr.go.gg.training.query.platform.page.PageCommands;
import kr.go.gg.training.query.platform.page.PageUser;
import kr.go.gg.training.query.platform.page.WebPage;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One course's page, and its step forms. A step is sent as the shared-api command ({@link PageCommands}); after it the
 * browser is sent to {@code /courses/{id}?p=N}, which answers once every read model has processed the event store up
 * to position N ({@link ReadYourWrites}, no thread held while waiting), so the page, roster and history included,
 * shows the write.
 */
@Controller
@WebPage
public class CoursePage {

    private final QueryGateway queries;
    private final CourseView view;
    private final PageCommands commands;
    private final ReadYourWrites readYourWrites;

    public CoursePage(QueryGateway queries, CourseView view, PageCommands commands, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.view = view;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/courses/{id}")
    public Mono<String> course(@PathVariable String id, @RequestParam(name = "p", required = false) Long position,
                               @RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        Instant instant = asOf(asOf);
        PageUser user = PageUser.current(); // the security context is the request thread's
        return following(id, position)
                .publishOn(Schedulers.boundedElastic())
                .map(course -> {
                    view.fill(model, user, course, instant);
                    model.addAttribute("saved", position != null);
                    return "pages/course";
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    return "pages/not-found";
                }));
    }

    @PostMapping("/courses/{id}/steps/{step}")
    public String step(@PathVariable String id, @PathVariable String step, @RequestParam Map<String, String> form,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        StepForm stepForm = StepForm.ofPath(step);
        CourseSummary course = queries.query(new FindCourse(id), instanceOf(CourseSummary.class)).join();
        if (stepForm == null || course == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "pages/not-found";
        }
        try {
            long position = commands.send(request, form.get("key"),
                    StepCommands.command(stepForm, id, form, PageUser.current().name()));
            return "redirect:/courses/" + id + "?p=" + position;
        } catch (InvalidValueException e) {
            return refused(response, model, course, stepForm, form, new Refusal(Refusal.Kind.INVALID, e.getMessage(), e.field()));
        } catch (PageCommands.Refused e) {
            return refused(response, model, course, stepForm, form, e.refusal());
        }
    }

    private String refused(HttpServletResponse response, Model model, CourseSummary course, StepForm step,
                           Map<String, String> form, Refusal refusal) {
        response.setStatus(refusal.kind() == Refusal.Kind.INVALID ? 400 : refusal.kind() == Refusal.Kind.NOT_FOUND ? 404 : 409);
        view.fill(model, PageUser.current(), course, null);
        model.addAttribute("failedStep", step.path());
        model.addAttribute("values", form);
        model.addAttribute("refusal", refusal);
        // beside its field when the form has that field; else above the form's button
        boolean beside = step.fields().stream().anyMatch(field -> field.name().equals(refusal.field()));
        model.addAttribute("fieldErrors", beside ? Map.of(refusal.field(), refusal.message()) : Map.of());
        model.addAttribute("formError", beside ? null : refusal.message());
        return "pages/course";
    }

    /**
     * The course once the read models have processed every event up to {@code position} (a write's), or, when that
     * wait fails (longer than {@code course.query.min-version-wait}, or too many waits), as it is; empty: unknown.
     */
    private Mono<CourseSummary> following(String id, Long position) {
        Supplier<CompletableFuture<CourseSummary>> find = () -> queries.query(new FindCourse(id), instanceOf(CourseSummary.class));
        if (position == null) {
            return Mono.fromFuture(find);
        }
        return Mono.defer(() -> readYourWrites.atPosition(position, find))
                .onErrorResume(ResponseStatusException.class, e -> Mono.fromFuture(find));
    }

    /** The auditor's instant, entered in Seoul time (a {@code datetime-local} field); bad input: no "as of" view. */
    private static Instant asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(KoreanDates.SEOUL).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("asOf", "must be a date and time (YYYY-MM-DDTHH:MM)");
        }
    }
}
