package kr.go.gg.training.query.cost.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CostReport;
import kr.go.gg.training.api.cost.CostReport.Line;
import kr.go.gg.training.api.cost.CostReport.Reciprocity;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import org.bson.Document;

/** A year of the costs report from its stored rows: pure, no database; every sum is made here, none is stored. */
final class CostAssembly {

    private static final Comparator<Line> LINE_ORDER = Comparator.comparing(Line::program)
            .thenComparing(Line::direction).thenComparing(Line::category).thenComparing(Line::paidBy);

    private CostAssembly() {
    }

    static CostReport report(int year, List<Document> costs, List<Document> commissions) {
        return new CostReport(year, byProgram(costs),
                commissions.stream().mapToLong(c -> amount(c)).sum(), reciprocity(year, costs));
    }

    /** Programme, direction, category, payer in their lists' order; only the combinations that have costs. */
    private static List<Line> byProgram(List<Document> costs) {
        Map<Line, Long> sums = new TreeMap<>(LINE_ORDER);
        for (Document c : costs) {
            Line key = new Line(Program.valueOf(c.getString("program")), Direction.valueOf(c.getString("direction")),
                    CostCategory.valueOf(c.getString("category")), Payer.valueOf(c.getString("paidBy")), 0);
            sums.merge(key, amount(c), Long::sum);
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((key, sum) -> lines.add(new Line(key.program(), key.direction(), key.category(), key.paidBy(), sum)));
        return List.copyOf(lines);
    }

    /**
     * Each partner province with China exchange costs this year: what Gyeonggi-do paid for its officials' courses here
     * (inbound) and for Gyeonggi-do's officials' courses there (outbound), in province order.
     */
    private static List<Reciprocity> reciprocity(int year, List<Document> costs) {
        Map<String, long[]> byProvince = new TreeMap<>();
        for (Document c : costs) {
            if (!Program.CHINA_EXCHANGE.name().equals(c.getString("program"))) {
                continue;
            }
            long[] paid = byProvince.computeIfAbsent(c.getString("partner"), p -> new long[2]);
            if (Payer.GYEONGGI.name().equals(c.getString("paidBy"))) {
                paid[Direction.INBOUND.name().equals(c.getString("direction")) ? 0 : 1] += amount(c);
            }
        }
        List<Reciprocity> rows = new ArrayList<>();
        byProvince.forEach((province, paid) -> rows.add(new Reciprocity(province, year, paid[0], paid[1])));
        return List.copyOf(rows);
    }

    private static long amount(Document d) {
        return ((Number) d.get("amount")).longValue();
    }
}
