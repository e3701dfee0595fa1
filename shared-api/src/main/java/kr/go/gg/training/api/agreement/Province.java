package kr.go.gg.training.api.agreement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.Require;

import java.util.Locale;

/**
 * A Chinese province, named without the word "Province": "Shandong Province", "shandong" and "Shandong"
 * are one province, so an agreement recorded as one matches a course partnered with another.
 */
public record Province(@JsonValue String name) {

    @JsonCreator
    public Province {
        String text = Require.text(name, "province", 100).replaceAll("\\s+", " ");
        if (text.toLowerCase(Locale.ROOT).endsWith(" province")) {
            text = text.substring(0, text.length() - " province".length()).strip();
        }
        name = Require.text(text, "province", 100);
        name = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    public static Province of(String name) {
        return new Province(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
