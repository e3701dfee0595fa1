package kr.go.gg.training.query.report.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kr.go.gg.training.query.platform.page.KoreanDates;
import org.springframework.context.MessageSource;

/**
 * The table's cells as text, column by column as the seed prints them ("By Year / Course", "Training Period",
 * "Performance (No. of People)", "Remarks") and the two yearly figures beside (outbound, non-tax revenue): what the
 * CSV and the XLSX write, in the page's language.
 */
final class ReportLayout {

    private final MessageSource messages;
    private final Locale locale;
    private final KoreanDates dates;

    ReportLayout(MessageSource messages, Locale locale, KoreanDates dates) {
        this.messages = messages;
        this.locale = locale;
        this.dates = dates;
    }

    List<String> header() {
        return List.of(text("report.col.course"), text("report.col.period"), text("report.col.people"),
                text("report.col.remarks"), text("report.col.outbound"), text("report.col.nonTax"));
    }

    /** One line's cells; numbers stay numbers ({@link Integer}, {@link Long}) so a spreadsheet can sum them. */
    List<Object> cells(ReportTable.Line line) {
        List<Object> cells = new ArrayList<>();
        switch (line.kind()) {
            case YEAR -> {
                cells.add(line.year() + " " + text("report.courses", line.courses()));
                cells.add("");
                cells.add(line.people());
                cells.add(printedNote(line));
                cells.add(line.outbound() == null ? "" : text("report.outbound", line.outbound().courses(), line.outbound().people()));
                cells.add(line.nonTaxRevenue() == null ? "" : line.nonTaxRevenue());
            }
            case GROUP -> {
                cells.add(text("program." + line.program() + ".label") + " " + text("report.subtotal") + " "
                        + text("report.courses", line.courses()));
                cells.add("");
                cells.add(line.people());
                String note = printedNote(line);
                cells.add(text("program." + line.program() + ".remarks") + (note.isEmpty() ? "" : " " + note));
            }
            case ROW -> {
                cells.add(line.label());
                cells.add(dates.period(line.startDate(), line.endDate()));
                cells.add(line.people());
                cells.add("");
            }
            default -> throw new IllegalStateException();
        }
        return cells;
    }

    private String printedNote(ReportTable.Line line) {
        return line.printed() == null ? ""
                : text("report.printed", line.printed().courses(), line.printed().people());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
