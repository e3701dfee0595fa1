package kr.go.gg.training.support.keys;

import java.security.SecureRandom;

/** New AES-256 keys: 32 bytes from the JDK's strong random source. */
final class SubjectKeys {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubjectKeys() {
    }

    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }
}
