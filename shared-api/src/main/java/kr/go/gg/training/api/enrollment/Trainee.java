package kr.go.gg.training.api.enrollment;

import kr.go.gg.training.api.Require;

import java.util.Locale;

/** A trainee's personal data. {@code level} is required for KOICA courses only (the aggregate checks that). */
public record Trainee(String name, String country, String organization, String position, TraineeLevel level) {

    public Trainee {
        name = Require.text(name, "name");
        country = Require.text(country, "country");
        organization = Require.text(organization, "organization");
        position = Require.text(position, "position");
    }

    /** Two enrolments of the same person: same name, country and organisation, ignoring case and spacing. */
    public String identity() {
        return identity(name, country, organization);
    }

    public static String identity(String name, String country, String organization) {
        return normalise(name) + "|" + normalise(country) + "|" + normalise(organization);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
