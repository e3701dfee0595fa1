package kr.go.gg.training.command.agreement.web;

import java.time.YearMonth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@RestController
public class AgreementController {

    public record Record(@NotBlank @Size(max = 100) String province, @NotNull AgreementClassification classification,
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
        AgreementId id = new AgreementId(sender.newId(request));
        RecordAgreement command = new RecordAgreement(id, Province.of(body.province()), body.classification(), body.signedOn());
        return sender.send(request, body, command, CommandAnswer.created(new Recorded(id.value()), "/api/agreements/" + id, false));
    }
}
