package kr.go.gg.training.api.report;

import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.course.Program;

/**
 * The seed's table "Overseas Public Officials' Training in Gyeonggi-do": per year (newest first) the inbound
 * courses and people, one group per programme with its rows, and the outbound courses counted beside.
 */
public record YearlyPerformanceReport(List<Year> years) {

    /** This report cut to {@code from}..{@code to} (inclusive, either open): what a subscriber of that range sees. */
    public YearlyPerformanceReport within(Integer from, Integer to) {
        return new YearlyPerformanceReport(years.stream().filter(y -> inRange(y.year(), from, to)).toList());
    }

    /** Whether {@code year} lies in {@code from}..{@code to} (inclusive, either open). */
    public static boolean inRange(int year, Integer from, Integer to) {
        return (from == null || year >= from) && (to == null || year <= to);
    }

    /** {@code nonTaxRevenue}: the consignment commissions (won) of the year's KOICA courses, by training year. */
    public record Year(int year, int courses, int people, List<Group> groups, Count outbound, long nonTaxRevenue) {

        public Year(int year, int courses, int people, List<Group> groups, Count outbound) {
            this(year, courses, people, groups, outbound, 0L);
        }
    }

    public record Group(Program program, String label, String remarks, int courses, int people, List<Row> rows) {
    }

    public record Row(String courseId, String partner, LocalDate startDate, LocalDate endDate, int people) {
    }

    public record Count(int courses, int people) {
    }
}
