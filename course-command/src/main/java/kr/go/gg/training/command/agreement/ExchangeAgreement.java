package kr.go.gg.training.command.agreement;

import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.RecordAgreement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An exchange agreement with a Chinese province; it is in force from the month it was signed. */
@Aggregate
public class ExchangeAgreement {

    @AggregateIdentifier
    private AgreementId agreementId;

    protected ExchangeAgreement() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RecordAgreement command) {
        apply(new AgreementRecorded(command.agreementId(), command.province(), command.classification(), command.signedOn()));
    }

    @EventSourcingHandler
    void on(AgreementRecorded event) {
        this.agreementId = event.agreementId();
    }
}
