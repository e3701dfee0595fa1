package kr.go.gg.training.api.agreement;

import java.util.List;

/** The answer to {@link FindAgreements}: a record, not a bare list, so it crosses Axon Server (see CourseSummaries). */
public record Agreements(List<AgreementView> agreements) {

    public Agreements {
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }
}
