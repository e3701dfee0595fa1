package kr.go.gg.training.api.outbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.agreement.Province;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a year's outbound groups (Gyeonggi-do, city and county officials to China) known only as a printed yearly
 * figure: so many courses and trainees, in these provinces; never as invented course rows. A year has one such
 * figure: its id derives from the year ({@link #idFor}), so the same figure recorded again finds it.
 */
public record RecordOutboundSummary(@TargetAggregateIdentifier String summaryId, int year, int courses, int people,
                                    List<Province> partners) {

    public static final int MAX_COURSES = 1_000;
    public static final int MAX_PEOPLE = 100_000;

    public RecordOutboundSummary {
        summaryId = Require.text(summaryId, "summaryId", 64);
        Require.between(year, Require.EARLIEST.getYear(), Require.LATEST.getYear(), "year");
        Require.between(courses, 0, MAX_COURSES, "courses");
        Require.between(people, 0, MAX_PEOPLE, "people");
        partners = List.copyOf(Require.present(partners, "partners"));
        for (int i = 0; i < partners.size(); i++) {
            Province.listed(Require.present(partners.get(i), "partners[" + i + "]").name(), "partners[" + i + "]");
            if (partners.subList(0, i).contains(partners.get(i))) {
                throw new InvalidValueException("partners[" + i + "]", "names " + partners.get(i) + " a second time");
            }
        }
    }

    /** The id of {@code year}'s printed outbound figure (a name-based UUID). */
    public static String idFor(int year) {
        return UUID.nameUUIDFromBytes(("outbound-summary|" + year).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
