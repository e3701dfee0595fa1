package kr.go.gg.training.query.report.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seed's table "Overseas Public Officials' Training in Gyeonggi-do" as lines: per year (newest first) a year line,
 * per programme a subtotal line, per course a row; the page, the CSV and the XLSX all draw these same lines. Read from
 * the report's JSON form, so fields other parts add ({@code outbound}, {@code nonTaxRevenue}) show when present.
 */
public record ReportTable(List<Line> lines, Chart chart) {

    public enum Kind { YEAR, GROUP, ROW }

    /**
     * One line. {@code printed}: the printed record's figure where it differs from the computed one (else null);
     * {@code outbound} and {@code nonTaxRevenue} on year lines only, null when the report has none.
     */
    public record Line(Kind kind, int year, String program, String label, String remarks, Integer courses, int people,
                       LocalDate startDate, LocalDate endDate, String courseId, PrintedTotals.Figure printed,
                       PrintedTotals.Figure outbound, Long nonTaxRevenue) {
    }

    /** Per programme, its courses and people per year (oldest first), for the chart. */
    public record Chart(List<Integer> years, Map<String, List<Integer>> courses, Map<String, List<Integer>> people) {
    }

    public static ReportTable of(JsonNode report, PrintedTotals printed) {
        List<Line> lines = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        Map<String, List<Integer>> courses = new LinkedHashMap<>();
        Map<String, List<Integer>> people = new LinkedHashMap<>();
        for (JsonNode year : report.path("years")) {
            int y = year.path("year").asInt();
            years.add(0, y);
            lines.add(new Line(Kind.YEAR, y, null, null, null, year.path("courses").asInt(), year.path("people").asInt(),
                    null, null, null, differing(printed.of(y, null), year), outbound(year.get("outbound")),
                    year.hasNonNull("nonTaxRevenue") ? year.get("nonTaxRevenue").asLong() : null));
            for (String program : List.of("CHINA_EXCHANGE", "KOICA")) {
                courses.computeIfAbsent(program, p -> new ArrayList<>()).add(0, 0);
                people.computeIfAbsent(program, p -> new ArrayList<>()).add(0, 0);
            }
            for (JsonNode group : year.path("groups")) {
                String program = group.path("program").asText();
                if (courses.containsKey(program)) {
                    courses.get(program).set(0, group.path("courses").asInt());
                    people.get(program).set(0, group.path("people").asInt());
                }
                lines.add(new Line(Kind.GROUP, y, program, group.path("label").asText(), group.path("remarks").asText(),
                        group.path("courses").asInt(), group.path("people").asInt(), null, null, null,
                        differing(printed.of(y, program), group), null, null));
                for (JsonNode row : group.path("rows")) {
                    lines.add(new Line(Kind.ROW, y, program, row.path("partner").asText(), null, null,
                            row.path("people").asInt(), date(row.get("startDate")), date(row.get("endDate")),
                            row.path("courseId").asText(null), null, null, null));
                }
            }
        }
        return new ReportTable(lines, new Chart(years, courses, people));
    }

    private static PrintedTotals.Figure differing(PrintedTotals.Figure printed, JsonNode computed) {
        boolean same = printed == null || printed.courses() == computed.path("courses").asInt()
                && printed.people() == computed.path("people").asInt();
        return same ? null : printed;
    }

    private static PrintedTotals.Figure outbound(JsonNode outbound) {
        return outbound == null || outbound.isNull() ? null
                : new PrintedTotals.Figure(outbound.path("courses").asInt(), outbound.path("people").asInt());
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
