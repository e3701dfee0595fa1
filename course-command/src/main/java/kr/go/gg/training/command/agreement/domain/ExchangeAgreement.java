package kr.go.gg.training.command.agreement.domain;

import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.RecordAgreement;
import kr.go.gg.training.command.domain.AlreadyExists;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import kr.go.gg.training.command.platform.idempotency.AnsweredKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
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
    private AgreementRecorded recorded;
    @AggregateMember
    private final AnsweredKeys answered = new AnsweredKeys();

    protected ExchangeAgreement() {
    }

    /** A command whose Idempotency-Key this agreement answered before appends nothing and answers as the first time. */
    @CommandHandlerInterceptor
    Object answerOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        return answered.answerOnce(command, chain);
    }

    /**
     * CREATE_IF_MISSING: a repeated recording (its id derived from its content, or from the seed row) finds it. The
     * same agreement again appends nothing and answers {@link AlreadyRecorded}; another one under this id is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object handle(RecordAgreement command) {
        AgreementRecorded event = new AgreementRecorded(command.agreementId(), command.province(),
                command.classification(), command.signedOn());
        if (agreementId == null) {
            apply(event);
            return null;
        }
        if (event.equals(recorded)) {
            return new AlreadyRecorded(agreementId.value());
        }
        throw new AgreementAlreadyRecorded(agreementId);
    }

    @EventSourcingHandler
    void on(AgreementRecorded event) {
        this.agreementId = event.agreementId();
        this.recorded = event;
    }

    /** Refusal of a recording whose id already names an agreement. */
    public static class AgreementAlreadyRecorded extends AlreadyExists {
        public AgreementAlreadyRecorded(AgreementId id) {
            super("Agreement '" + id + "' is already recorded; allowed now: nothing for a new agreement");
        }
    }
}
