package kr.go.gg.training.command.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;

/**
 * Compares the printed totals of the historical record with the totals of its own rows (inbound courses only,
 * by the year of the start date): the record contains inconsistencies, and the report computes, never copies.
 */
public final class HistoricalImport {

    public record Row(Program program, Direction direction, int year, int people) {
    }

    public record PrintedTotal(int year, Program program, int courses, int people) {
    }

    public record Count(int courses, int people) {
        Count plus(int people) {
            return new Count(courses + 1, this.people + people);
        }
    }

    public record Discrepancy(int year, Program program, Count printed, Count computed) {
    }

    private HistoricalImport() {
    }

    public static List<Discrepancy> discrepancies(List<Row> rows, List<PrintedTotal> printedTotals) {
        Map<List<Object>, Count> computed = new HashMap<>();
        for (Row row : rows) {
            if (row.direction() != Direction.INBOUND) {
                continue;
            }
            computed.merge(key(row.year(), null), new Count(1, row.people()), (a, b) -> a.plus(row.people()));
            computed.merge(key(row.year(), row.program()), new Count(1, row.people()), (a, b) -> a.plus(row.people()));
        }
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (PrintedTotal printed : printedTotals) {
            Count printedCount = new Count(printed.courses(), printed.people());
            Count computedCount = computed.getOrDefault(key(printed.year(), printed.program()), new Count(0, 0));
            if (!printedCount.equals(computedCount)) {
                discrepancies.add(new Discrepancy(printed.year(), printed.program(), printedCount, computedCount));
            }
        }
        return discrepancies;
    }

    private static List<Object> key(int year, Program program) {
        return java.util.Arrays.asList(year, Objects.requireNonNullElse(program, "ALL"));
    }
}
