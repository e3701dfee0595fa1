package kr.go.gg.training.query.agreement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The exchange agreements over real HTTP. */
class AgreementsHttpTest extends QueryApplicationTest {

    @Test
    void agreementsShowWhetherTheyAreInForce() throws Exception {
        String past = newId();
        String future = newId();
        append("Agreement", past, 0, new AgreementRecorded(new AgreementId(past), Province.of("Jiangsu"),
                AgreementClassification.GENERAL, YearMonth.of(2013, 1)));
        append("Agreement", future, 0, new AgreementRecorded(new AgreementId(future), Province.of("Hebei"),
                AgreementClassification.EXECUTIVES, YearMonth.of(2098, 1)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(get("viewer", "/api/agreements")).findValuesAsText("agreementId")).contains(past, future));
        for (JsonNode agreement : body(get("viewer", "/api/agreements"))) {
            if (agreement.get("agreementId").asText().equals(past)) {
                assertThat(agreement.get("province").asText()).isEqualTo("Jiangsu");
                assertThat(agreement.get("classification").asText()).isEqualTo("GENERAL");
                assertThat(agreement.get("signedOn").asText()).isEqualTo("2013-01");
                assertThat(agreement.get("inForce").asBoolean()).isTrue();
            } else if (agreement.get("agreementId").asText().equals(future)) {
                assertThat(agreement.get("inForce").asBoolean()).isFalse();
            }
        }
    }
}
