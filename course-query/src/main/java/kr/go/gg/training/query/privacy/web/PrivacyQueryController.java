package kr.go.gg.training.query.privacy.web;

import kr.go.gg.training.query.platform.web.QueryApiDocs;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import kr.go.gg.training.api.privacy.ErasureRecord;
import kr.go.gg.training.api.privacy.Erasures;
import kr.go.gg.training.api.privacy.FindErasures;
import kr.go.gg.training.api.privacy.FindPersonalData;
import kr.go.gg.training.api.privacy.PersonalDataReport;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The destruction log and subject-access requests (docs/privacy.md), through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.PRIVACY)
public class PrivacyQueryController {

    private final QueryGateway queries;

    public PrivacyQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/privacy/erasures")
    @Operation(summary = "The destruction log: every erasure of a trainee's personal data, oldest first (ADMIN, AUDITOR)",
            responses = {
                @ApiResponse(responseCode = "200", description = "the log"),
                @ApiResponse(responseCode = "403", description = "neither ADMIN nor AUDITOR",
                        content = @Content(mediaType = "application/problem+json"))})
    public List<ErasureRecord> erasures() {
        return queries.query(new FindErasures(), instanceOf(Erasures.class)).join().erasures();
    }

    @GetMapping("/api/courses/{id}/trainees/{traineeId}/personal-data")
    @Operation(summary = "Everything held about one trainee: a subject-access request (ADMIN)",
            responses = {
                @ApiResponse(responseCode = "200", description = "what is held; personal fields null once erased"),
                @ApiResponse(responseCode = "403", description = "not ADMIN", content = @Content(mediaType = "application/problem+json")),
                @ApiResponse(responseCode = "404", description = "no such trainee on that course",
                        content = @Content(mediaType = "application/problem+json"))})
    public PersonalDataReport personalData(@PathVariable String id, @PathVariable String traineeId) {
        PersonalDataReport report = queries.query(new FindPersonalData(id, traineeId), instanceOf(PersonalDataReport.class)).join();
        if (report == null) {
            throw QueryProblems.notFound("trainee", traineeId);
        }
        return report;
    }
}
