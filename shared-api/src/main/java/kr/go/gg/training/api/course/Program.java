package kr.go.gg.training.api.course;

/** The two programmes, with the group label and remark the seed's performance table prints for each. */
public enum Program {
    CHINA_EXCHANGE("China", "Independent Project"),
    KOICA("Developing Countries", "KOICA Cost Sharing");

    private final String label;
    private final String remarks;

    Program(String label, String remarks) {
        this.label = label;
        this.remarks = remarks;
    }

    public String label() {
        return label;
    }

    public String remarks() {
        return remarks;
    }
}
