package kr.go.gg.training.bench;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.bench.workload.CoursePlan;

/** The dashboard's ten-year report over the workload's years, through the query gateway. */
final class TenYearReport {

    private TenYearReport() {
    }

    static YearlyPerformanceReport ask(QueryGateway queries) throws Exception {
        return queries.query(new FindYearlyPerformance(CoursePlan.FIRST_YEAR, CoursePlan.LAST_YEAR),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class)).get();
    }

    /** Course rows in the answer, over every year and group. */
    static int rows(YearlyPerformanceReport report) {
        return report.years().stream().mapToInt(y -> y.groups().stream().mapToInt(g -> g.rows().size()).sum()).sum();
    }
}
