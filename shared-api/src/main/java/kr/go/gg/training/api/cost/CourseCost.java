package kr.go.gg.training.api.cost;

/** A standing cost of a course, as GET /api/courses/{id} answers it. */
public record CourseCost(String costId, CostCategory category, long amount, Payer paidBy, String note) {
}
