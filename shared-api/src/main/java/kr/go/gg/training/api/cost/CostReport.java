package kr.go.gg.training.api.cost;

import java.util.List;

import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;

/**
 * The costs of the courses of one training year: summed by programme, direction, category and payer; the consignment
 * commissions of the year's KOICA courses ({@code nonTaxRevenue}); and, per partner province of the China exchange,
 * what Gyeonggi-do paid for that province's officials (inbound courses) and for its own officials going there
 * (outbound): the reciprocity the exchange agreements rest on. Each reciprocity row names its year, so the answers of
 * several years line up as a year-by-year table.
 */
public record CostReport(int year, List<Line> byProgram, long nonTaxRevenue, List<Reciprocity> reciprocity) {

    public record Line(Program program, Direction direction, CostCategory category, Payer paidBy, long amount) {
    }

    public record Reciprocity(String province, int year, long paidForProvinceOfficials, long paidForGyeonggiOfficials) {
    }
}
