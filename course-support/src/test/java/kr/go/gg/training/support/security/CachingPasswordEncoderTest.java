package kr.go.gg.training.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordEncoderTest {

    /** The collaborator: a real (cheap) bcrypt encoder that counts how often it is asked. */
    static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger matches = new AtomicInteger();
        final AtomicInteger encodes = new AtomicInteger();
        final AtomicInteger upgrades = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            encodes.incrementAndGet();
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            matches.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            upgrades.incrementAndGet();
            return false;
        }
    }

    private final CountingEncoder delegate = new CountingEncoder();
    private final AtomicLong nanos = new AtomicLong();
    private final CachingPasswordEncoder encoder = new CachingPasswordEncoder(delegate, nanos::get);
    private final String hash = new BCryptPasswordEncoder(4).encode("s3cret-pass");

    @Test
    void a_successful_check_is_remembered_so_the_second_one_skips_the_delegate() {
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(delegate.matches).hasValue(1);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_always_delegated() {
        for (int i = 1; i <= 3; i++) {
            assertThat(encoder.matches("wrong-pass", hash)).isFalse();
            assertThat(delegate.matches).hasValue(i);
        }
        assertThat(encoder.keys()).isEmpty();
        // a remembered right password does not let a wrong one through
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(encoder.matches("wrong-pass", hash)).isFalse();
        assertThat(delegate.matches).hasValue(5);
    }

    @Test
    void the_key_is_a_salted_hash_never_the_raw_password() {
        encoder.matches("s3cret-pass", hash);
        assertThat(encoder.keys()).hasSize(1).first().asString()
                .doesNotContain("s3cret-pass").doesNotContain(hash).hasSize(43);
        String key = encoder.keys().iterator().next();
        assertThat(encoder.key("s3cret-pass", hash)).isEqualTo(key);
        assertThat(new CachingPasswordEncoder(delegate).key("s3cret-pass", hash)).as("salt per instance").isNotEqualTo(key);
    }

    @Test
    void another_stored_hash_is_checked_afresh() {
        String changed = new BCryptPasswordEncoder(4).encode("s3cret-pass");
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(encoder.matches("s3cret-pass", changed)).isTrue();
        assertThat(delegate.matches).hasValue(2);
    }

    @Test
    void a_remembered_check_expires_after_the_ttl() {
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        nanos.addAndGet(CachingPasswordEncoder.TTL.minusSeconds(1).toNanos());
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(delegate.matches).hasValue(1);
        nanos.addAndGet(CachingPasswordEncoder.TTL.toNanos());
        assertThat(encoder.matches("s3cret-pass", hash)).isTrue();
        assertThat(delegate.matches).hasValue(2);
    }

    @Test
    void encode_and_upgrade_encoding_delegate() {
        String encoded = encoder.encode("other-pass");
        assertThat(encoder.upgradeEncoding(encoded)).isFalse();
        assertThat(delegate.encodes).hasValue(1);
        assertThat(delegate.upgrades).hasValue(1);
        assertThat(encoder.matches("other-pass", encoded)).isTrue();
    }

    @Test
    void the_bean_wraps_the_delegating_encoder() {
        PasswordEncoder bean = new CourseSecurityAutoConfiguration().coursePasswordEncoder();
        assertThat(bean).isInstanceOf(CachingPasswordEncoder.class);
        assertThat(bean.matches("staff-pass", bean.encode("staff-pass"))).isTrue();
        assertThat(bean.matches("staff-pass", "{noop}staff-pass")).isTrue();
        assertThat(bean.matches("wrong", "{noop}staff-pass")).isFalse();
    }
}
