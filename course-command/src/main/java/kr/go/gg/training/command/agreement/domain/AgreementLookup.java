package kr.go.gg.training.command.agreement.domain;

import java.time.YearMonth;

import kr.go.gg.training.api.agreement.Province;

/** Set-based view over all recorded agreements, for the rule that a China course needs one in force. */
public interface AgreementLookup {

    boolean inForce(Province province, YearMonth month);
}
