package kr.go.gg.training.query.pipeline.page;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.FindKoicaPipeline;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.query.platform.page.KoreanDates;
import kr.go.gg.training.query.platform.page.WebPage;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The KOICA board ({@code /pipeline}): a column per stage of the selection procedure up to the schedule, a card per
 * course. A card reads the pipeline's answer as JSON, so {@code nextStep}, {@code due} and {@code overdue} (KOICA's
 * calendar) show where the pipeline carries them; without them no card is marked.
 */
@Controller
@WebPage
public class PipelinePage {

    static final List<CourseStatus> COLUMNS = List.of(CourseStatus.PROPOSED, CourseStatus.DEMAND_SURVEYED,
            CourseStatus.SELECTED, CourseStatus.INVITATION_PUBLISHED, CourseStatus.CONSIGNEE_AWARDED,
            CourseStatus.SCHEDULED, CourseStatus.IN_PROGRESS, CourseStatus.COMPLETED);
    private static final TypeReference<Map<String, List<Map<String, Object>>>> STAGES = new TypeReference<>() {
    };

    private final QueryGateway queries;
    private final ObjectMapper json;

    public PipelinePage(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/pipeline")
    public String pipeline(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(KoreanDates.SEOUL).getYear() : year;
        QueryProblems.checkYear(shown, "year");
        KoicaPipeline pipeline = queries.query(new FindKoicaPipeline(shown), instanceOf(KoicaPipeline.class)).join();
        Map<String, List<Map<String, Object>>> stages = json.convertValue(json.valueToTree(pipeline).path("stages"), STAGES);
        Map<String, List<Map<String, Object>>> columns = new LinkedHashMap<>();
        for (CourseStatus status : COLUMNS) {
            columns.put(status.name(), stages.getOrDefault(status.name(), List.of()));
        }
        List<Map<String, Object>> closed = new ArrayList<>();
        for (CourseStatus status : List.of(CourseStatus.REJECTED, CourseStatus.NOT_AWARDED, CourseStatus.CANCELLED)) {
            closed.addAll(stages.getOrDefault(status.name(), List.of()));
        }
        model.addAttribute("year", shown);
        model.addAttribute("columns", columns);
        model.addAttribute("closed", closed);
        return "pages/pipeline";
    }
}
