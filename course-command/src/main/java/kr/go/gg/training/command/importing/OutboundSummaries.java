package kr.go.gg.training.command.importing;

import java.util.ArrayList;
import java.util.List;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.outbound.RecordOutboundSummary;

/**
 * The import's {@code outboundSummaries}: a year's outbound groups known only as a printed figure (the seed's 2016
 * "Gyeonggi-do -> China: 4 courses (64 trainees) (in Liaoning, Jiangsu, Hebei and Shandong)"), each checked with its
 * place in the body before anything is recorded, and recorded under the year's id so that a repeat records nothing.
 */
final class OutboundSummaries {

    private OutboundSummaries() {
    }

    static List<RecordOutboundSummary> commands(List<HistoricalImporter.OutboundSummaryRow> rows) {
        List<RecordOutboundSummary> commands = new ArrayList<>();
        for (int i = 0; rows != null && i < rows.size(); i++) {
            HistoricalImporter.OutboundSummaryRow row = rows.get(i);
            String at = "outboundSummaries[" + i + "]";
            List<Province> partners = new ArrayList<>();
            for (int p = 0; p < row.partners().size(); p++) {
                partners.add(Province.listed(row.partners().get(p), at + ".partners[" + p + "]"));
            }
            if (commands.stream().anyMatch(c -> c.year() == row.year())) {
                throw new InvalidValueException(at + ".year", "names " + row.year() + " a second time; a year has one"
                        + " printed outbound figure");
            }
            try {
                commands.add(new RecordOutboundSummary(RecordOutboundSummary.idFor(row.year()), row.year(), row.courses(),
                        row.people(), partners));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(at + "." + e.field(), e.problem());
            }
        }
        return commands;
    }
}
