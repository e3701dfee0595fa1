package kr.go.gg.training.support.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Text made of whole Unicode characters: an escaped lone surrogate ({@code "\uD800"}) is refused, since it is no
 * character, cannot be written as UTF-8, and the stored event and the read model would no longer agree (one keeps
 * it, the other shows U+FFFD). Raw ones never get here: the body's UTF-8 is checked first ({@link StrictJsonConverter}).
 */
final class WholeCharacterText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = super.deserialize(parser, context);
        if (text != null && hasLoneSurrogate(text)) {
            return (String) context.handleWeirdStringValue(String.class, text, "a lone surrogate");
        }
        return text;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
