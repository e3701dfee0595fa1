package kr.go.gg.training.query.agreement.web;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.util.List;
import kr.go.gg.training.api.agreement.AgreementView;
import kr.go.gg.training.api.agreement.Agreements;
import kr.go.gg.training.api.agreement.FindAgreements;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange agreements (docs/api.md), answered through the query bus only. Not {@code AgreementController}: the
 * command side has one, and standalone scans both sides into one context.
 */
@RestController
public class AgreementQueryController {

    private final QueryGateway queries;

    public AgreementQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/agreements")
    public List<AgreementView> agreements() {
        return queries.query(new FindAgreements(), instanceOf(Agreements.class)).join().agreements();
    }
}
