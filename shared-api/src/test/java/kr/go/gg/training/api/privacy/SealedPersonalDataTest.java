package kr.go.gg.training.api.privacy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SealedPersonalDataTest {

    private static final PersonalData ALI = new PersonalData("Ali Quux-7f3a", "Ministry of Planning", "Director");

    @Test
    void sealed_data_opens_with_its_key_and_trainee_id() {
        byte[] key = SealedPersonalData.newKey();

        assertThat(SealedPersonalData.seal(ALI, key, "t-1").open(key, "t-1")).contains(ALI);
    }

    @Test
    void the_sealed_form_holds_none_of_the_plain_text() {
        SealedPersonalData sealed = SealedPersonalData.seal(ALI, SealedPersonalData.newKey(), "t-1");

        assertThat(sealed.toString()).doesNotContain("Quux").doesNotContain("Ministry");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain("Quux");
        assertThat(Base64.getDecoder().decode(sealed.nonce())).hasSize(12);
    }

    @Test
    void keys_are_256_bits_and_every_sealing_takes_a_new_nonce() {
        byte[] key = SealedPersonalData.newKey();

        assertThat(key).hasSize(32);
        assertThat(SealedPersonalData.seal(ALI, key, "t-1").nonce()).isNotEqualTo(SealedPersonalData.seal(ALI, key, "t-1").nonce());
    }

    @Test
    void another_key_opens_nothing() {
        SealedPersonalData sealed = SealedPersonalData.seal(ALI, SealedPersonalData.newKey(), "t-1");

        assertThat(sealed.open(SealedPersonalData.newKey(), "t-1")).isEmpty();
    }

    @Test
    void sealed_data_copied_to_another_trainee_does_not_open() {
        byte[] key = SealedPersonalData.newKey();

        assertThat(SealedPersonalData.seal(ALI, key, "t-1").open(key, "t-2")).isEmpty();
    }

    @Test
    void an_altered_ciphertext_does_not_open() {
        byte[] key = SealedPersonalData.newKey();
        SealedPersonalData sealed = SealedPersonalData.seal(ALI, key, "t-1");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;

        assertThat(new SealedPersonalData(sealed.nonce(), Base64.getEncoder().encodeToString(bytes)).open(key, "t-1")).isEmpty();
    }
}
