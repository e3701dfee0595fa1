package kr.go.gg.training.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import org.junit.jupiter.api.Test;

/** A subscriber of a range sees the report cut to it: both ends inclusive, either open. */
class YearlyPerformanceReportTest {

    private static Year year(int year) {
        return new Year(year, 0, 0, List.of(), new Count(0, 0));
    }

    private static final YearlyPerformanceReport REPORT = new YearlyPerformanceReport(
            List.of(year(2018), year(2017), year(2016)));

    @Test
    void withinKeepsTheYearsOfTheRangeBothEndsIncluded() {
        assertThat(REPORT.within(2016, 2017).years()).extracting(Year::year).containsExactly(2017, 2016);
        assertThat(REPORT.within(2017, 2017).years()).extracting(Year::year).containsExactly(2017);
    }

    @Test
    void anOpenEndKeepsEveryYearOnThatSide() {
        assertThat(REPORT.within(null, 2016).years()).extracting(Year::year).containsExactly(2016);
        assertThat(REPORT.within(2017, null).years()).extracting(Year::year).containsExactly(2018, 2017);
        assertThat(REPORT.within(null, null)).isEqualTo(REPORT);
    }
}
