package kr.go.gg.training.command.agreement.domain;

import java.time.YearMonth;
import java.time.ZoneId;

import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.command.domain.DomainRefusal;

/** A China exchange course needs an exchange agreement with its province in force when it is proposed. */
public final class AgreementPolicy {

    /** Agreements are signed and in force by the province office's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private AgreementPolicy() {
    }

    /** The refusal names no course id: the course it would have made does not exist. */
    public static void requireAgreement(Program program, String partner, AgreementLookup agreements) {
        if (program != Program.CHINA_EXCHANGE) {
            return;
        }
        Province province = Province.of(partner);
        YearMonth now = YearMonth.now(ZONE);
        if (!agreements.inForce(province, now)) {
            throw new DomainRefusal("A course with " + province + " cannot be proposed: no exchange agreement with " + province
                    + " province is in force in " + now + "; allowed now: record the agreement first");
        }
    }
}
