package kr.go.gg.training.query.report.page;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The figures the printed record states (the import file's {@code printedTotals}), so the dashboard can show each one
 * beside the figure computed from the courses where the two differ, as the import's {@code discrepancies} list them.
 * The import does not store them in any event, so the file is read again from {@code course.web.printed-totals}
 * (standalone: the seed); none configured, nothing is shown.
 */
@Component
public class PrintedTotals {

    private final Map<String, Figure> figures = new HashMap<>();

    public PrintedTotals(@Value("${course.web.printed-totals:}") String location, ResourceLoader resources,
                         ObjectMapper json) throws IOException {
        if (location.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            for (JsonNode total : json.readTree(in).path("printedTotals")) {
                String program = total.hasNonNull("program") ? total.get("program").asText() : null;
                figures.put(key(total.path("year").asInt(), program),
                        new Figure(total.path("courses").asInt(), total.path("people").asInt()));
            }
        }
    }

    /** The printed figure of that year and programme (null: the whole year), or null if none was printed. */
    public Figure of(int year, String program) {
        return figures.get(key(year, program));
    }

    private static String key(int year, String program) {
        return year + ":" + (program == null ? "ALL" : program);
    }

    /** A printed count of courses and people. */
    public record Figure(int courses, int people) {
    }
}
