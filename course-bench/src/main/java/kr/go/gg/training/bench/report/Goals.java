package kr.go.gg.training.bench.report;

import java.util.Locale;

/** The goals of issues 6 and 17, each noted as met, MISSED or n/a under the table. */
public final class Goals {

    private Goals() {
    }

    public static void note(Figures figures) {
        goal(figures, "crud_ratio", ">=", 1.0);
        goal(figures, "append_ratio", ">=", 0.5);
        goal(figures, "replay_ratio", ">=", 0.3); // issue 17: of the deserialising read (0.1 of the raw read before)
        goal(figures, "query_ratio", "<=", 3);
        goal(figures, "disk_ratio", "<=", 5);
        goal(figures, "lag_ms", "<=", 500); // issue 17's goal at --courses 3600
        goal(figures, "commands_size_ratio", ">=", 0.9); // issue 17: a command costs no more as the store grows
    }

    private static void goal(Figures figures, String key, String op, double target) {
        if (!figures.has(key)) {
            if (figures.isNotApplicable(key)) {
                figures.note(String.format(Locale.ROOT, "goal %-19s %s %-4s : n/a", key, op, fmt(target)));
            }
            return;
        }
        double value = figures.get(key);
        boolean met = op.equals(">=") ? value >= target : value <= target;
        figures.note(String.format(Locale.ROOT, "goal %-19s %s %-4s : %-8s (%.4f)", key, op, fmt(target),
                met ? "met" : "MISSED", value));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
