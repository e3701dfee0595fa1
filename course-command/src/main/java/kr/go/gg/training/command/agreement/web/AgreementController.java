package kr.go.gg.training.command.agreement.web;

import java.time.YearMonth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.agreement.RecordAgreement;
import kr.go.gg.training.command.platform.web.CommandAnswer;
import kr.go.gg.training.command.platform.web.CommandSender;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.hibernate.validator.constraints.CodePointLength;

@RestController
public class AgreementController {

    public record Record(@NotBlank @CodePointLength(max = 100) String province, @NotNull AgreementClassification classification,
                         @NotNull YearMonth signedOn) {
    }

    public record Recorded(String agreementId) {
    }

    private final CommandSender sender;

    public AgreementController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/agreements")
    public ResponseEntity<Object> record(@Valid @RequestBody Record body, HttpServletRequest request) {
        Province province = Province.listed(body.province(), "province");
        // identified by its content: the same agreement posted again finds it (200, the existing id, nothing stored)
        AgreementId id = AgreementId.of(province, body.classification(), body.signedOn());
        RecordAgreement command = new RecordAgreement(id, province, body.classification(), body.signedOn());
        return sender.send(request, body, command, CommandAnswer.created(new Recorded(id.value()), "/api/agreements/" + id, false));
    }
}
