package kr.go.gg.training.query.agreement.web;

import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kr.go.gg.training.api.agreement.AgreementView;
import kr.go.gg.training.api.agreement.Agreements;
import kr.go.gg.training.api.agreement.FindAgreements;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange agreements (docs/api.md), answered through the query bus only. Not {@code AgreementController}: the
 * command side has one, and standalone scans both sides into one context.
 */
@RestController
@Tag(name = QueryApiDocs.AGREEMENTS)
public class AgreementQueryController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public AgreementQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @Operation(summary = "List the exchange agreements")
    @ApiResponse(responseCode = "200", description = "Every agreement")
    @GetMapping("/api/agreements")
    public Mono<List<AgreementView>> agreements(@RequestParam(required = false) Long minPosition) {
        return readYourWrites.atPosition(minPosition, () -> queries.query(new FindAgreements(), instanceOf(Agreements.class)))
                .map(Agreements::agreements);
    }
}
