package kr.go.gg.training.api.cost;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.Require;

/**
 * Amounts in whole Korean won: at least 1 (a cost or a commission of nothing is a typing error, not a record) and at
 * most {@link #MAX} (₩10 billion, well above a whole course's budget, so a slipped zero is refused, not summed).
 */
public final class Won {

    public static final long MAX = 10_000_000_000L;

    private Won() {
    }

    public static long amount(Long value, String field) {
        Require.present(value, field);
        if (value < 1 || value > MAX) {
            throw new InvalidValueException(field, "must be a whole number of won between 1 and " + MAX);
        }
        return value;
    }
}
