package kr.go.gg.training.api.agreement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.TimeOrderedIds;


public record AgreementId(@JsonValue String value) {

    @JsonCreator
    public AgreementId {
        value = Require.text(value, "agreementId", 64);
    }

    public static AgreementId random() {
        return new AgreementId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
