package kr.go.gg.training.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, in the order measured: printed as a table and as the final {@code bench:} line. */
public final class Figures {

    /** @param notApplicable why the figure cannot be measured in this run, else null */
    private record Figure(String key, double value, int decimals, String unit, String meaning, String notApplicable) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void put(String key, double value, int decimals, String unit, String meaning) {
        figures.put(key, new Figure(key, Double.isFinite(value) ? value : 0, decimals, unit, meaning, null));
    }

    /**
     * A figure whose peer or limit cannot exist in this run (e.g. the H2 event table under Axon Server): printed as
     * {@code n/a} with {@code reason} in the table and as {@code key=n/a} on the {@code bench:} line.
     */
    public void notApplicable(String key, String reason) {
        figures.put(key, new Figure(key, Double.NaN, 0, "", reason, reason));
    }

    /** True when the figure was printed as not applicable. */
    public boolean isNotApplicable(String key) {
        Figure figure = figures.get(key);
        return figure != null && figure.notApplicable() != null;
    }

    /** The value, or NaN when absent or not applicable. */
    public double get(String key) {
        Figure figure = figures.get(key);
        return figure == null ? Double.NaN : figure.value();
    }

    /** True when the figure was measured (false when absent or not applicable). */
    public boolean has(String key) {
        Figure figure = figures.get(key);
        return figure != null && figure.notApplicable() == null;
    }

    public void note(String note) {
        notes.add(note);
    }

    private static String format(Figure f) {
        if (f.notApplicable() != null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + f.decimals() + "f", f.value());
    }

    public String table() {
        int keyWidth = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
        int valueWidth = figures.values().stream().mapToInt(f -> format(f).length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(keyWidth + valueWidth + 60) + "\n";
        out.append(rule);
        out.append(String.format(Locale.ROOT, "%-" + keyWidth + "s  %" + valueWidth + "s  %-10s %s%n",
                "figure", "value", "unit", "meaning"));
        out.append(rule);
        for (Figure f : figures.values()) {
            out.append(String.format(Locale.ROOT, "%-" + keyWidth + "s  %" + valueWidth + "s  %-10s %s%n",
                    f.key(), format(f), f.unit(), f.notApplicable() == null ? f.meaning()
                            : "not applicable: " + f.notApplicable()));
        }
        out.append(rule);
        for (String note : notes) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    public String benchLine() {
        StringBuilder line = new StringBuilder("bench:");
        for (Figure f : figures.values()) {
            line.append(' ').append(f.key()).append('=').append(format(f));
        }
        return line.toString();
    }
}
