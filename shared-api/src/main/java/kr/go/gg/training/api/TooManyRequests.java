package kr.go.gg.training.api;

/**
 * A query refused because this node runs as many of its kind as it allows at a time (HTTP 429 with Retry-After): the
 * asker retries shortly, nothing was done.
 */
public class TooManyRequests extends RuntimeException {

    public TooManyRequests(String message) {
        super(message);
    }
}
