package kr.go.gg.training.support.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts wrong passwords per user name and per client address in fixed windows (from the first failure), in two
 * bounded Caffeine caches whose entries expire with their window. Fed by Spring Security's own authentication events
 * (a wrong password or an unknown name: {@link AuthenticationFailureBadCredentialsEvent}); asked by
 * {@link LoginThrottleFilter} before a password is checked. A success clears the user's count, never the address's
 * (one valid account must not reset an address that guesses at others).
 */
public final class LoginThrottle {

    private record Window(long endsAt, AtomicInteger failures) {
    }

    private final LoginThrottleProperties limits;
    private final Ticker ticker;
    private final Cache<String, Window> users;
    private final Cache<String, Window> addresses;

    public LoginThrottle(LoginThrottleProperties limits) {
        this(limits, Ticker.systemTicker());
    }

    LoginThrottle(LoginThrottleProperties limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
        this.users = windows(limits, ticker);
        this.addresses = windows(limits, ticker);
    }

    private static Cache<String, Window> windows(LoginThrottleProperties limits, Ticker ticker) {
        return Caffeine.newBuilder().maximumSize(limits.maxTracked()).ticker(ticker)
                .expireAfter(Expiry.<String, Window>creating((key, window) ->
                        Duration.ofNanos(Math.max(0, window.endsAt() - ticker.read()))))
                .build();
    }

    /** How long the name or the address must wait, if either has used up its failures. */
    public Optional<Duration> retryAfter(String user, String address) {
        long wait = Math.max(remaining(users, user, limits.perUser()), remaining(addresses, address(address), limits.perAddress()));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    private long remaining(Cache<String, Window> windows, String key, int limit) {
        Window window = key == null ? null : windows.getIfPresent(key);
        if (window == null || window.failures().get() < limit) {
            return 0;
        }
        return Math.max(0, window.endsAt() - ticker.read());
    }

    public void failed(String user, String address) {
        count(users, user);
        count(addresses, address(address));
    }

    private void count(Cache<String, Window> windows, String key) {
        if (key != null) {
            long endsAt = ticker.read() + limits.window().toNanos();
            windows.get(key, k -> new Window(endsAt, new AtomicInteger())).failures().incrementAndGet();
        }
    }

    /** Names and addresses remembered now (after Caffeine's pending evictions). */
    long tracked() {
        users.cleanUp();
        addresses.cleanUp();
        return users.estimatedSize() + addresses.estimatedSize();
    }

    @EventListener
    void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.invalidate(event.getAuthentication().getName());
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** An IPv6 client is counted by its /64 (one host usually holds a whole /64); IPv4 by its address. */
    static String address(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%'); // a zone names an interface of the client's host, not of this one
        try {
            byte[] bytes = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone)).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // an IPv4-mapped address is that IPv4 client
            }
            ByteBuffer prefix = ByteBuffer.wrap(bytes);
            return String.format("%x:%x:%x:%x::/64", prefix.getShort() & 0xffff, prefix.getShort() & 0xffff,
                    prefix.getShort() & 0xffff, prefix.getShort() & 0xffff);
        } catch (UnknownHostException notALiteral) { // a remote address is always a literal; counted as given
            return address;
        }
    }
}
