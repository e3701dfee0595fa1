package kr.go.gg.training.command.embedded.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import kr.go.gg.training.command.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement lookup's subscribing processor handles every event inside the command's commit, so it carries no
 * Axon message monitor (its per-message latency gauge and counters cost there); the command metrics cover the path.
 */
class AgreementLookupMonitorTest extends HttpTestSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void theAgreementLookupProcessorRegistersNoPerMessageMeters() {
        recordAgreement("Zhejiang", "2014-03");
        proposeKoica(10);

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName() + meter.getId().getTags())
                .noneMatch(id -> id.contains(AgreementLookupConfiguration.PROCESSING_GROUP));
    }
}
