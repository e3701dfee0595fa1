package kr.go.gg.training.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counting of {@link LoginThrottle} on a clock of the test's own (Caffeine's ticker). */
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, 5, Duration.ofMinutes(1), 1_000),
            now::get);

    @Test
    void a_name_waits_for_the_end_of_the_window_that_its_failures_used_up() {
        throttle.failed("carol", "10.0.0.1");
        throttle.failed("carol", "10.0.0.2");
        assertThat(throttle.retryAfter("carol", "10.0.0.3")).isEmpty();
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        throttle.failed("carol", "10.0.0.3");

        assertThat(throttle.retryAfter("carol", "10.0.0.9")).hasValue(Duration.ofSeconds(40));
        assertThat(throttle.retryAfter("dave", "10.0.0.9")).isEmpty();
        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(throttle.retryAfter("carol", "10.0.0.9")).isEmpty();
    }

    @Test
    void an_address_waits_whatever_names_it_tried() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("name-" + i, "10.0.0.7");
        }
        assertThat(throttle.retryAfter("anyone", "10.0.0.7")).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("anyone", "10.0.0.8")).isEmpty();
    }

    @Test
    void a_flood_of_distinct_names_and_addresses_keeps_memory_bounded() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("name-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * 1_000);
    }

    @ParameterizedTest
    @CsvSource({"2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64", "2001:db8:1:2::9, 2001:db8:1:2::/64",
            "2001:0db8:0001:0002::9, 2001:db8:1:2::/64", "::ffff:192.0.2.1, 192.0.2.1",
            "[2001:db8::1], 2001:db8:0:0::/64", "fe80::1%eth0, fe80:0:0:0::/64", "192.0.2.1, 192.0.2.1"})
    void an_ipv6_client_is_counted_by_its_64_bit_prefix(String address, String counted) {
        assertThat(LoginThrottle.address(address)).isEqualTo(counted);
    }
}
