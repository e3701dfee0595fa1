package kr.go.gg.training.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link PersonalData} encrypted with its trainee's own key (AES-256-GCM from the JDK: a random 96-bit nonce per
 * sealing, a 128-bit tag, the trainee id as associated data, so a sealed value copied to another trainee does not
 * open). Both fields are base64. Destroying the key destroys the data wherever the sealed form is kept (events,
 * backups): crypto-shredding, docs/privacy.md.
 */
public record SealedPersonalData(String nonce, String ciphertext) {

    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new random AES-256 key. */
    public static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JDK", e);
        }
    }

    public static SealedPersonalData seal(PersonalData data, byte[] key, String traineeId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, nonce, traineeId).doFinal(data.toBytes());
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedPersonalData(base64.encodeToString(nonce), base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be sealed", e);
        }
    }

    /** Empty when this key (or trainee id) is not the one it was sealed with, or the sealed form was altered. */
    public Optional<PersonalData> open(byte[] key, String traineeId) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, base64.decode(nonce), traineeId).doFinal(base64.decode(ciphertext));
            return Optional.of(PersonalData.fromBytes(plain));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String traineeId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(traineeId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
