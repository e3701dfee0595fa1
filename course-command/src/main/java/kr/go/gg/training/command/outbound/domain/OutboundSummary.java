package kr.go.gg.training.command.outbound.domain;

import kr.go.gg.training.api.outbound.OutboundSummaryRecorded;
import kr.go.gg.training.api.outbound.RecordOutboundSummary;
import kr.go.gg.training.command.domain.AlreadyRecorded;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.platform.idempotency.AnsweredKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A year's printed outbound figure (courses and trainees Gyeonggi-do sent to China, and where), recorded once: its id
 * derives from the year ({@link RecordOutboundSummary#idFor}). The same figure again appends nothing and answers
 * {@link AlreadyRecorded}; a different figure for a year already recorded is refused, since the record would then
 * say two things about one year (an auditor's correction is a matter for a new command, not a silent overwrite).
 */
@Aggregate
public class OutboundSummary {

    @AggregateIdentifier
    private String summaryId;
    private OutboundSummaryRecorded recorded;
    @AggregateMember
    private final AnsweredKeys answered = new AnsweredKeys();

    protected OutboundSummary() {
    }

    /** A command whose Idempotency-Key this summary answered before appends nothing and answers as the first time. */
    @CommandHandlerInterceptor
    Object answerOnce(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        return answered.answerOnce(command, chain);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Object handle(RecordOutboundSummary command) {
        OutboundSummaryRecorded event = new OutboundSummaryRecorded(command.summaryId(), command.year(), command.courses(),
                command.people(), command.partners());
        if (summaryId == null) {
            apply(event);
            return null;
        }
        if (event.equals(recorded)) {
            return new AlreadyRecorded(summaryId);
        }
        throw new DomainRefusal("The outbound figure of " + recorded.year() + " is recorded already as "
                + recorded.courses() + " courses, " + recorded.people() + " trainees in " + recorded.partners()
                + "; a different figure for that year (" + command.courses() + " courses, " + command.people()
                + " trainees in " + command.partners() + ") is not recorded");
    }

    @EventSourcingHandler
    void on(OutboundSummaryRecorded event) {
        this.summaryId = event.summaryId();
        this.recorded = event;
    }
}
