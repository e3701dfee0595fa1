package kr.go.gg.training.support.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Days and months as the API writes them and nothing else: the JavaTimeModule's readers trim the text (a trailing
 * NUL or space passes), take a date-time for a date and an array [2016,6,1]; these take a string of exactly
 * {@code YYYY-MM-DD} (ASCII digits, a real day: STRICT resolving refuses 2016-02-30) or {@code YYYY-MM}.
 */
final class StrictDates {

    static final Strict<LocalDate> LOCAL_DATE = new Strict<>(LocalDate.class, "\\d{4}-\\d{2}-\\d{2}",
            DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT), LocalDate::from);
    static final Strict<YearMonth> YEAR_MONTH = new Strict<>(YearMonth.class, "\\d{4}-\\d{2}",
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT), YearMonth::from);

    private StrictDates() {
    }

    static final class Strict<T> extends StdScalarDeserializer<T> {

        private final transient Pattern shape;
        private final transient DateTimeFormatter format;
        private final transient TemporalQuery<T> query;

        Strict(Class<T> type, String shape, DateTimeFormatter format, TemporalQuery<T> query) {
            super(type);
            this.shape = Pattern.compile(shape);
            this.format = format;
            this.query = query;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getText();
            if (shape.matcher(text).matches()) {
                try {
                    return format.parse(text, query);
                } catch (DateTimeException e) {
                    // no such day: refused below
                }
            }
            return (T) context.handleWeirdStringValue(handledType(), text, "not a %s", handledType().getSimpleName());
        }
    }
}
