package kr.go.gg.training.api.outbound;

import java.util.List;

import kr.go.gg.training.api.agreement.Province;
import org.axonframework.serialization.Revision;

/** A year's printed outbound figure: it counts in that year's {@code outbound} of the yearly report. */
@Revision("1")
public record OutboundSummaryRecorded(String summaryId, int year, int courses, int people, List<Province> partners) {
}
