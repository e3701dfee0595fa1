package kr.go.gg.training.query.cost.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostReport;
import kr.go.gg.training.api.cost.CostReport.Line;
import kr.go.gg.training.api.cost.CostReport.Reciprocity;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.FindCostReport;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.query.MongoProjectionTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The costs report on the wire server: sums by programme, direction, category and payer; commissions; reciprocity. */
class CostReportProjectionTest extends MongoProjectionTest {

    private CostReportProjection projection;
    private int costs;

    @BeforeEach
    void setUp() {
        projection = new CostReportProjection(database);
    }

    private CostRecorded cost(String course, Direction direction, String partner, int year, CostCategory category,
                              long amount, Payer paidBy) {
        Program program = paidBy == Payer.KOICA ? Program.KOICA : Program.CHINA_EXCHANGE;
        return new CostRecorded(new CourseId(course), "c" + (++costs), program, direction, partner, year, category,
                amount, paidBy, null);
    }

    private void seed() {
        deliver(projection,
                event("sd", cost("sd", Direction.INBOUND, "Shandong", 2016, CostCategory.ACCOMMODATION, 8_000_000L, Payer.GYEONGGI)),
                event("sd", cost("sd", Direction.INBOUND, "Shandong", 2016, CostCategory.EDUCATION, 6_000_000L, Payer.GYEONGGI)),
                event("sd", cost("sd", Direction.INBOUND, "Shandong", 2016, CostCategory.AIRFARE, 4_000_000L,
                        Payer.TRAINEE_ORGANIZATION)),
                event("ln", cost("ln", Direction.OUTBOUND, "Liaoning", 2016, CostCategory.AIRFARE, 5_000_000L, Payer.GYEONGGI)),
                event("ln", cost("ln", Direction.OUTBOUND, "Liaoning", 2016, CostCategory.EDUCATION, 3_000_000L,
                        Payer.PARTNER_PROVINCE)),
                event("sd2", cost("sd2", Direction.OUTBOUND, "Shandong", 2016, CostCategory.AIRFARE, 2_000_000L, Payer.GYEONGGI)),
                event("iq", cost("iq", Direction.INBOUND, "Iraq", 2016, CostCategory.EDUCATION, 20_000_000L, Payer.KOICA)),
                event("iq", cost("iq", Direction.INBOUND, "Iraq", 2016, CostCategory.EDUCATION, 10_000_000L, Payer.KOICA)),
                event("iq", new CommissionRecorded(new CourseId("iq"), 30_000_000L, LocalDate.parse("2016-09-30"), 2016)),
                event("pe", cost("pe", Direction.INBOUND, "Peru", 2015, CostCategory.AIRFARE, 7_000_000L, Payer.KOICA)),
                event("pe", new CommissionRecorded(new CourseId("pe"), 12_000_000L, LocalDate.parse("2015-04-20"), 2015)));
    }

    @Test
    void theCostsOfAYearAreSummedByProgrammeDirectionCategoryAndPayer() {
        seed();
        CostReport report = projection.handle(new FindCostReport(2016));
        assertThat(report.year()).isEqualTo(2016);
        assertThat(report.byProgram()).containsExactly(
                new Line(Program.CHINA_EXCHANGE, Direction.INBOUND, CostCategory.AIRFARE, Payer.TRAINEE_ORGANIZATION, 4_000_000L),
                new Line(Program.CHINA_EXCHANGE, Direction.INBOUND, CostCategory.ACCOMMODATION, Payer.GYEONGGI, 8_000_000L),
                new Line(Program.CHINA_EXCHANGE, Direction.INBOUND, CostCategory.EDUCATION, Payer.GYEONGGI, 6_000_000L),
                new Line(Program.CHINA_EXCHANGE, Direction.OUTBOUND, CostCategory.AIRFARE, Payer.GYEONGGI, 7_000_000L),
                new Line(Program.CHINA_EXCHANGE, Direction.OUTBOUND, CostCategory.EDUCATION, Payer.PARTNER_PROVINCE, 3_000_000L),
                new Line(Program.KOICA, Direction.INBOUND, CostCategory.EDUCATION, Payer.KOICA, 30_000_000L));
        assertThat(report.nonTaxRevenue()).isEqualTo(30_000_000L);
        assertThat(projection.handle(new FindCostReport(2015)).nonTaxRevenue()).isEqualTo(12_000_000L);
        assertThat(projection.handle(new FindCostReport(2014))).isEqualTo(new CostReport(2014, List.of(), 0, List.of()));
    }

    @Test
    void reciprocityIsWhatGyeonggiDoPaidForEachProvincesOfficialsAndForItsOwnGoingThere() {
        seed();
        assertThat(projection.handle(new FindCostReport(2016)).reciprocity()).containsExactly(
                new Reciprocity("Liaoning", 2016, 0, 5_000_000L),
                new Reciprocity("Shandong", 2016, 14_000_000L, 2_000_000L));
    }

    @Test
    void aWithdrawnCostLeavesTheReportAndARecordedCommissionReplacesTheFormerOne() {
        seed();
        CourseId iq = new CourseId("iq");
        deliver(projection, event("iq", new CostWithdrawn(iq, "c8", 2016, "entered twice")),
                event("iq", new CommissionRecorded(iq, 28_000_000L, LocalDate.parse("2016-10-04"), 2016)));
        CostReport report = projection.handle(new FindCostReport(2016));
        assertThat(report.byProgram().get(5)).isEqualTo(
                new Line(Program.KOICA, Direction.INBOUND, CostCategory.EDUCATION, Payer.KOICA, 20_000_000L));
        assertThat(report.nonTaxRevenue()).isEqualTo(28_000_000L);
    }

    @Test
    void aReplayAndADuplicateDeliveryLeaveTheSameDocuments() {
        seed();
        deliver(projection, event("iq", new CostWithdrawn(new CourseId("iq"), "c7", 2016, "wrong course")));
        Map<String, List<Document>> before = documents(CostReportProjection.ROWS, CostReportProjection.COMMISSIONS);
        replay(projection, 3);
        assertThat(documents(CostReportProjection.ROWS, CostReportProjection.COMMISSIONS)).isEqualTo(before);
        deliver(projection, stream);
        assertThat(documents(CostReportProjection.ROWS, CostReportProjection.COMMISSIONS)).isEqualTo(before);
    }

    @Test
    void everyDocumentHoldsOneCostOrOneCommission() {
        seed();
        Map<String, List<Document>> all = documents(CostReportProjection.ROWS, CostReportProjection.COMMISSIONS);
        assertThat(all.get(CostReportProjection.ROWS)).hasSize(9);
        assertThat(all.get(CostReportProjection.COMMISSIONS)).extracting(d -> d.getString("_id"))
                .containsExactly("2015:pe", "2016:iq");
    }
}
