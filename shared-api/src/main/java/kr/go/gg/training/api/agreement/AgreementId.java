package kr.go.gg.training.api.agreement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.TimeOrderedIds;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.UUID;


public record AgreementId(@JsonValue String value) {

    @JsonCreator
    public AgreementId {
        value = Require.text(value, "agreementId", 64);
    }

    /**
     * The id an agreement is identified by: province, classification and month signed (docs/api.md), so that the
     * same agreement posted again, at the same moment or later, names the same aggregate (a name-based UUID).
     */
    public static AgreementId of(Province province, AgreementClassification classification, YearMonth signedOn) {
        String name = "agreement|" + province + "|" + classification + "|" + signedOn;
        return new AgreementId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    public static AgreementId random() {
        return new AgreementId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
