package kr.go.gg.training.support.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Stateless HTTP Basic checks the password on every request, and bcrypt makes each check cost ~100 ms of CPU
 * (docs/benchmarks.md, HTTP). This encoder remembers successful checks briefly (10,000 at most, 5 minutes each),
 * keyed by a SHA-256 of (per-process random salt, stored hash, presented password), never the password itself.
 * A failed check is never remembered: wrong passwords always take the delegate's full, slow path.
 * {@code encode} and {@code upgradeEncoding} delegate.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

    static final long MAX_ENTRIES = 10_000;
    static final Duration TTL = Duration.ofMinutes(5);

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> matches;
    private final byte[] salt = new byte[32];

    CachingPasswordEncoder(PasswordEncoder delegate) {
        this(delegate, Ticker.systemTicker());
    }

    CachingPasswordEncoder(PasswordEncoder delegate, Ticker ticker) {
        this.delegate = delegate;
        this.matches = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(TTL).ticker(ticker).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        if (matches.getIfPresent(key) != null) {
            return true;
        }
        boolean match = delegate.matches(rawPassword, encodedPassword);
        if (match) {
            matches.put(key, Boolean.TRUE);
        }
        return match;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    String key(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] encoded = encodedPassword.getBytes(UTF_8);
            sha256.update(salt);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(encoded.length).flip());
            sha256.update(encoded);
            sha256.update(UTF_8.encode(CharBuffer.wrap(rawPassword)));
            return Base64.getEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The remembered keys (for tests). */
    Set<String> keys() {
        return Set.copyOf(matches.asMap().keySet());
    }
}
