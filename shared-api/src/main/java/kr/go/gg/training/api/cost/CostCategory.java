package kr.go.gg.training.api.cost;

/** What a course's cost was for (the training agreement's headings, docs/domain.md "Cost sharing"). */
public enum CostCategory {
    AIRFARE,
    TRAVEL,
    ACCOMMODATION,
    EDUCATION,
    OTHER
}
