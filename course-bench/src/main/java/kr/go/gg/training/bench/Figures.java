package kr.go.gg.training.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, in the order measured: printed as a table and as the final {@code bench:} line. */
public final class Figures {

    private record Figure(String key, double value, int decimals, String unit, String meaning) {
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public void put(String key, double value, int decimals, String unit, String meaning) {
        figures.put(key, new Figure(key, Double.isFinite(value) ? value : 0, decimals, unit, meaning));
    }

    public double get(String key) {
        Figure figure = figures.get(key);
        return figure == null ? Double.NaN : figure.value();
    }

    public boolean has(String key) {
        return figures.containsKey(key);
    }

    public void note(String note) {
        notes.add(note);
    }

    private static String format(Figure f) {
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
                    f.key(), format(f), f.unit(), f.meaning()));
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
