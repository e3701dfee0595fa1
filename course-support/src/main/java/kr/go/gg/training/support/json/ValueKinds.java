package kr.go.gg.training.support.json;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** What a value must be, in the words of docs/api.md, never a class name: "a date (YYYY-MM-DD)", "a whole number". */
public final class ValueKinds {

    private static final Map<Class<?>, String> KINDS = Map.ofEntries(
            Map.entry(LocalDate.class, "a date (YYYY-MM-DD)"), Map.entry(YearMonth.class, "a year and month (YYYY-MM)"),
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Short.class, "a whole number"), Map.entry(short.class, "a whole number"),
            Map.entry(Double.class, "a number"), Map.entry(double.class, "a number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "text"), Map.entry(java.util.UUID.class, "an id (UUID)"),
            Map.entry(java.time.Instant.class, "an instant in UTC (2016-06-29T09:00:00Z)"));

    private ValueKinds() {
    }

    public static String of(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return KINDS.getOrDefault(type, type.isPrimitive() || Number.class.isAssignableFrom(type)
                ? "a number" : "a JSON object");
    }
}
