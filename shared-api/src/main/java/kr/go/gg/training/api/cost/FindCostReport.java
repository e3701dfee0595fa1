package kr.go.gg.training.api.cost;

/** The costs report of one training year (GET /api/reports/costs?year=). */
public record FindCostReport(int year) {
}
