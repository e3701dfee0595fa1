package kr.go.gg.training.api.agreement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.Require;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Chinese province, named without the word "Province": "Shandong Province", "shandong" and "Shandong"
 * are one province, so an agreement recorded as one matches a course partnered with another.
 * <p>
 * A name of one of China's 34 provincial-level divisions ({@link #DIVISIONS}) takes its listed spelling; the
 * constructor still accepts any other text, because it also reads stored events (recorded before the list was
 * enforced). New input is checked with {@link #listed(String, String)}.
 */
public record Province(@JsonValue String name) {

    /** 23 provinces (Taiwan as PRC usage counts it), 5 autonomous regions, 4 municipalities, 2 SARs. */
    public static final List<String> DIVISIONS = List.of(
            "Anhui", "Fujian", "Gansu", "Guangdong", "Guizhou", "Hainan", "Hebei", "Heilongjiang", "Henan", "Hubei",
            "Hunan", "Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Qinghai", "Shaanxi", "Shandong", "Shanxi", "Sichuan",
            "Taiwan", "Yunnan", "Zhejiang",
            "Guangxi", "Inner Mongolia", "Ningxia", "Tibet", "Xinjiang",
            "Beijing", "Chongqing", "Shanghai", "Tianjin",
            "Hong Kong", "Macao");

    /** Other names in official use for the same division. */
    private static final Map<String, String> ALIASES = Map.of(
            "xizang", "Tibet", "macau", "Macao", "guangxi zhuang", "Guangxi", "ningxia hui", "Ningxia",
            "xinjiang uygur", "Xinjiang", "xinjiang uyghur", "Xinjiang", "nei mongol", "Inner Mongolia");

    /** The kind of division a name may end with ("Shandong Province", "Tibet Autonomous Region"). */
    private static final List<String> KINDS = List.of(" province", " autonomous region", " municipality",
            " special administrative region", " sar");

    private static final Map<String, String> BY_KEY = new HashMap<>(ALIASES);

    static {
        DIVISIONS.forEach(division -> BY_KEY.put(division.toLowerCase(Locale.ROOT), division));
    }

    @JsonCreator
    public Province {
        String text = Require.text(name, "province", 100).replaceAll("\\s+", " ");
        String listed = BY_KEY.get(key(text));
        if (listed != null) {
            name = listed;
        } else {
            if (text.toLowerCase(Locale.ROOT).endsWith(" province")) {
                text = text.substring(0, text.length() - " province".length()).strip();
            }
            name = Require.text(text, "province", 100);
            int first = name.offsetByCodePoints(0, 1); // never split a surrogate pair
            name = name.substring(0, first).toUpperCase(Locale.ROOT) + name.substring(first).toLowerCase(Locale.ROOT);
        }
    }

    private static String key(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        for (String kind : KINDS) {
            if (key.endsWith(kind)) {
                return key.substring(0, key.length() - kind.length()).strip();
            }
        }
        return key;
    }

    public static Province of(String name) {
        return new Province(name);
    }

    /**
     * The province named by new input: a listed division's name, in any case, with inner spaces collapsed, the ends
     * trimmed and optionally its kind ("Province", "Autonomous Region", "Municipality", "SAR"); otherwise refused.
     */
    public static Province listed(String text, String field) {
        Province province;
        try {
            province = new Province(text);
        } catch (InvalidValueException e) {
            province = null; // blank or too long: no division's name either
        }
        if (province == null || !province.isListed()) {
            throw new InvalidValueException(field, "must name one of China's provincial-level divisions: "
                    + String.join(", ", DIVISIONS));
        }
        return province;
    }

    public boolean isListed() {
        return DIVISIONS.contains(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
