package kr.go.gg.training.support.json;

import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Well-formed JSON only, with Jackson's own settings: no duplicate keys, nothing after the document, no coercion
 * of one kind of value into another ("10" for a number, 1 for a boolean, a number for a text, "" for a date),
 * dates exactly {@code YYYY-MM-DD} and months {@code YYYY-MM}, texts of whole Unicode characters.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Boot's builder (its modules and spring.jackson.* settings) made strict for reading. */
    public static ObjectMapper mapper(Jackson2ObjectMapperBuilder builder) {
        return builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .postConfigurer(StrictJson::strict)
                .build();
    }

    private static void strict(ObjectMapper mapper) {
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // not scalars to Jackson, so ALLOW_COERCION_OF_SCALARS leaves them: a number or boolean is no text
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // registered last, so these come before the JavaTimeModule's lenient ones
        mapper.registerModule(new SimpleModule("strict-values")
                .addDeserializer(LocalDate.class, StrictDates.LOCAL_DATE)
                .addDeserializer(YearMonth.class, StrictDates.YEAR_MONTH)
                .addDeserializer(String.class, new WholeCharacterText()));
    }
}
