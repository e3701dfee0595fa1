package kr.go.gg.training.api.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The personal fields of a trainee (PIPA: they identify a person): stored in events only sealed
 * ({@link SealedPersonalData}), shown only while the trainee's key exists. Country and level are not personal
 * (the reports count by them) and stay in plain text.
 */
public record PersonalData(String name, String organization, String position) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bytes that are sealed: this record as JSON. */
    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Personal data could not be written", e);
        }
    }

    static PersonalData fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, PersonalData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Opened personal data is not readable", e);
        }
    }
}
