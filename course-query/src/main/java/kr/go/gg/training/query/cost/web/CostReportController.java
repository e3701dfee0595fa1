package kr.go.gg.training.query.cost.web;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kr.go.gg.training.api.cost.CostReport;
import kr.go.gg.training.api.cost.FindCostReport;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import kr.go.gg.training.query.platform.web.QueryProblems;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The costs report of a training year (docs/api.md, "Costs and commission"), through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.REPORTS)
public class CostReportController {

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public CostReportController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @Operation(summary = "The costs report of a training year", description = "Costs summed by programme, direction,"
            + " category and payer; the year's consignment commissions (nonTaxRevenue); per partner province what"
            + " Gyeonggi-do paid for that province's officials and for its own officials going there (reciprocity)")
    @ApiResponse(responseCode = "200", description = "The report")
    @GetMapping("/api/reports/costs")
    public Mono<CostReport> costs(@Parameter(description = "The training year", example = "2016") @RequestParam int year,
                                  @Parameter(description = "Answer once the read models hold every event up to this"
                                          + " position (a command's X-Event-Position)")
                                  @RequestParam(required = false) Long minPosition) {
        QueryProblems.checkYear(year, "year");
        return readYourWrites.atPosition(minPosition, () -> queries.query(new FindCostReport(year),
                instanceOf(CostReport.class)));
    }
}
