package kr.go.gg.training.support.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code course.security.login-throttle.*}: after {@code per-user} wrong passwords for one user name, or
 * {@code per-address} from one client address, within {@code window} (counted from the first failure), every login
 * of that name or from that address is answered 429 until the window ends. At most {@code max-tracked} names and as
 * many addresses are remembered (memory stays bounded under a flood of distinct names or addresses).
 */
@ConfigurationProperties("course.security.login-throttle")
public record LoginThrottleProperties(Integer perUser, Integer perAddress, Duration window, Integer maxTracked) {

    public LoginThrottleProperties {
        perUser = perUser == null ? 10 : perUser;
        perAddress = perAddress == null ? 30 : perAddress;
        window = window == null ? Duration.ofMinutes(5) : window;
        maxTracked = maxTracked == null ? 100_000 : maxTracked;
    }
}
