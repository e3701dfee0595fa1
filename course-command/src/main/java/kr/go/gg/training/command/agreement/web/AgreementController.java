package kr.go.gg.training.command.agreement.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.agreement.RecordAgreement;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.hibernate.validator.constraints.CodePointLength;

@RestController
@Tag(name = CommandApiDocs.AGREEMENTS)
public class AgreementController {

    @Schema(name = "RecordAgreement")
    public record Record(@Schema(description = "One of China's provincial-level divisions", example = "Shandong",
                                 maxLength = 100) @NotBlank @CodePointLength(max = 100) String province,
                         @Schema(example = "GENERAL") @NotNull AgreementClassification classification,
                         @Schema(type = "string", pattern = "^\\d{4}-\\d{2}$", example = "2013-05") @NotNull YearMonth signedOn) {
    }

    @Schema(name = "AgreementRecorded")
    public record Recorded(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            example = "0190d1a0-7c3e-3000-8000-000000000003") String agreementId) {
    }

    private final CommandSender sender;

    public AgreementController(CommandSender sender) {
        this.sender = sender;
    }

    @Operation(summary = "Record an exchange agreement", description = "Identified by province, classification and"
            + " month signed: the same agreement again answers 200 with its id and records nothing")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation =
            Recorded.class)), headers = @Header(name = "Location", description = "The agreement's path",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Recorded before: its id, nothing recorded",
            content = @Content(schema = @Schema(implementation = Recorded.class)))
    @ApiResponse(responseCode = "403", description = CommandApiDocs.NOT_STAFF)
    @PostMapping("/api/agreements")
    public ResponseEntity<Object> record(@Valid @RequestBody Record body, HttpServletRequest request) {
        Province province = Province.listed(body.province(), "province");
        // identified by its content: the same agreement posted again finds it (200, the existing id, nothing stored)
        AgreementId id = AgreementId.of(province, body.classification(), body.signedOn());
        RecordAgreement command = new RecordAgreement(id, province, body.classification(), body.signedOn());
        return sender.send(request, body, command, CommandAnswer.created(new Recorded(id.value()), "/api/agreements/" + id, false));
    }
}
