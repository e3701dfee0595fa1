package kr.go.gg.training.command.embedded.agreement;

import kr.go.gg.training.api.agreement.AgreementRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Keeps the agreement lookup; its processing group is subscribing (see AgreementLookupConfiguration). */
@ProcessingGroup(AgreementLookupConfiguration.PROCESSING_GROUP)
public class AgreementLookupProjector {

    private final JdbcAgreementLookup lookup;

    public AgreementLookupProjector(JdbcAgreementLookup lookup) {
        this.lookup = lookup;
    }

    @EventHandler
    void on(AgreementRecorded event) {
        lookup.record(event);
    }
}
