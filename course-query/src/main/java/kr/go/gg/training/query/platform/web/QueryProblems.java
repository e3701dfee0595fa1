package kr.go.gg.training.query.platform.web;

import kr.go.gg.training.api.InvalidValueException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The query paths' refusals, turned into problem+json by {@link QueryProblemAdvice}. */
public final class QueryProblems {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2099;

    private QueryProblems() {
    }

    public static void checkYear(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidValueException(field, "must be a year between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
    }

    public static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
    }

    public static ResponseStatusException notCaughtUp(String id, long version, long minVersion) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The read model of course " + id
                + " is at version " + version + ", not yet " + minVersion + "; retry shortly");
    }
}
