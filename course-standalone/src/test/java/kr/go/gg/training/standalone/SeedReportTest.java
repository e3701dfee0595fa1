package kr.go.gg.training.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's table "Overseas Public Officials' Training in Gyeonggi-do (Last 3 Years)", imported over HTTP,
 * comes back from the report computed from events: every year, group and row as printed, except the printed
 * 2016 Developing Countries subtotal (14), which its one course (15 people) contradicts.
 */
class SeedReportTest extends StandaloneTestBase {

    @Test
    void the_2014_to_2016_report_is_rebuilt_from_events_row_by_row() throws IOException {
        String seed = seedFile();

        HttpApi.Answer imported = api.post("staff", "/api/imports/historical-courses", seed);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt() + imported.json().path("alreadyImported").asInt()).isEqualTo(19);
        JsonNode discrepancies = imported.json().get("discrepancies");
        assertThat(discrepancies).hasSize(1);
        assertThat(discrepancies.get(0).get("year").asInt()).isEqualTo(2016);
        assertThat(discrepancies.get(0).get("program").asText()).isEqualTo("KOICA");
        assertThat(discrepancies.get(0).get("printed").get("people").asInt()).isEqualTo(14);
        assertThat(discrepancies.get(0).get("computed").get("people").asInt()).isEqualTo(15);

        JsonNode years = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("viewer", "/api/reports/yearly-performance?from=2014&to=2016").json().get("years"),
                y -> y.size() == 3 && y.get(2).get("courses").asInt() == 8 && y.get(0).get("people").asInt() == 29
                        && y.get(1).get("people").asInt() == 144);

        assertYear(years.get(0), 2016, 2, 29,
                group("CHINA_EXCHANGE", "China", "Independent Project", 1, 14,
                        "Shandong Province 2016-06-29 2016-07-12 14"),
                group("KOICA", "Developing Countries", "KOICA Cost Sharing", 1, 15,
                        "Iraq 2016-08-23 2016-09-02 15"));
        assertYear(years.get(1), 2015, 9, 144,
                group("CHINA_EXCHANGE", "China", "Independent Project", 5, 77,
                        "Jiangsu Province 2015-04-13 2015-04-26 15",
                        "Shandong Province 2015-05-27 2015-06-09 15",
                        "Hebei Province 2015-09-17 2015-09-30 15",
                        "Guangdong Province 2015-11-09 2015-12-04 18",
                        "Liaoning Province 2015-10-25 2015-11-07 14"),
                group("KOICA", "Developing Countries", "KOICA Cost Sharing", 4, 67,
                        "Peru 2015-03-23 2015-04-03 14",
                        "Iraq KRG 2015-05-19 2015-05-29 19",
                        "Haiti 2015-09-01 2015-09-11 15",
                        "Iraq 2015-10-20 2015-10-30 19"));
        assertYear(years.get(2), 2014, 8, 129,
                group("CHINA_EXCHANGE", "China", "Independent Project", 3, 50,
                        "Guangdong Province 2014-06-23 2014-07-18 20",
                        "Hebei Province 2014-09-15 2014-09-26 17",
                        "Shandong Province 2014-10-14 2014-10-27 13"),
                group("KOICA", "Developing Countries", "KOICA Cost Sharing", 5, 79,
                        "Iraq KRG 2014-06-24 2014-07-04 15",
                        "Butan 2014-08-25 2014-09-02 20",
                        "Global Training 2014-09-17 2014-10-03 15",
                        "Afghanistan 2014-10-20 2014-10-31 16",
                        "Peru 2014-11-10 2014-11-14 13"));
    }

    @Test
    void the_start_up_import_recorded_the_five_provinces_agreements_in_force() {
        JsonNode agreements = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", "/api/agreements").json(),
                a -> a.size() >= 6);
        List<String> register = new ArrayList<>();
        agreements.forEach(a -> register.add(a.get("province").asText() + " " + a.get("classification").asText() + " "
                + a.get("signedOn").asText() + " " + a.get("inForce").asBoolean()));
        assertThat(register).contains("Liaoning GENERAL 2001-04 true", "Liaoning EXECUTIVES 2012-03 true",
                "Guangdong GENERAL 2005-10 true", "Jiangsu GENERAL 2013-01 true", "Hebei GENERAL 2013-01 true",
                "Shandong GENERAL 2013-05 true");
    }

    @Test
    void a_seed_agreement_posted_again_answers_its_id_and_records_nothing() {
        JsonNode agreements = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("viewer", "/api/agreements").json(),
                a -> a.size() >= 6);
        String seeded = null;
        for (JsonNode a : agreements) {
            if ("Shandong".equals(a.get("province").asText()) && "GENERAL".equals(a.get("classification").asText())) {
                seeded = a.get("agreementId").asText();
            }
        }
        HttpApi.Answer again = api.post("staff", "/api/agreements",
                "{\"province\":\"Shandong Province\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-05\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("agreementId").asText()).isEqualTo(seeded);
        // the README's line, as it is written there
        HttpApi.Answer readme = api.post("staff", "/api/agreements",
                "{\"province\":\"Shandong\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-05\"}");
        assertThat(readme.status()).isEqualTo(200);
        assertThat(readme.json().get("agreementId").asText()).isEqualTo(seeded);
    }

    @Test
    void importing_the_seed_again_imports_nothing_new() throws IOException {
        api.post("staff", "/api/imports/historical-courses", seedFile());

        HttpApi.Answer again = api.post("staff", "/api/imports/historical-courses", seedFile());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("imported").asInt()).isZero();
        // the file's six agreements, recorded by the start-up import: found, not recorded again
        assertThat(again.json().get("agreementsRecorded").asInt()).isZero();
        assertThat(again.json().get("agreementsAlreadyRecorded").asInt()).isEqualTo(6);
        assertThat(again.json().get("outboundSummariesRecorded").asInt()).isZero();
        assertThat(again.json().get("outboundSummariesAlreadyRecorded").asInt()).isEqualTo(1);
    }

    private record Group(String program, String label, String remarks, int courses, int people, List<String> rows) {
    }

    private static Group group(String program, String label, String remarks, int courses, int people, String... rows) {
        return new Group(program, label, remarks, courses, people, List.of(rows));
    }

    private static void assertYear(JsonNode year, int number, int courses, int people, Group... groups) {
        assertThat(year.get("year").asInt()).isEqualTo(number);
        assertThat(year.get("courses").asInt()).as("courses in %s", number).isEqualTo(courses);
        assertThat(year.get("people").asInt()).as("people in %s", number).isEqualTo(people);
        // outbound groups: the printed 2016 figure (4 courses, 64 trainees), none in the other years
        assertThat(year.get("outbound").get("courses").asInt()).isEqualTo(number == 2016 ? 4 : 0);
        assertThat(year.get("outbound").get("people").asInt()).isEqualTo(number == 2016 ? 64 : 0);
        assertThat(year.get("groups")).hasSize(groups.length);
        for (int i = 0; i < groups.length; i++) {
            JsonNode actual = year.get("groups").get(i);
            Group expected = groups[i];
            assertThat(actual.get("program").asText()).isEqualTo(expected.program());
            assertThat(actual.get("label").asText()).isEqualTo(expected.label());
            assertThat(actual.get("remarks").asText()).isEqualTo(expected.remarks());
            assertThat(actual.get("courses").asInt()).as("%s %s courses", number, expected.label()).isEqualTo(expected.courses());
            assertThat(actual.get("people").asInt()).as("%s %s people", number, expected.label()).isEqualTo(expected.people());
            List<String> rows = new ArrayList<>();
            actual.get("rows").forEach(row -> rows.add(row.get("partner").asText() + " " + row.get("startDate").asText()
                    + " " + row.get("endDate").asText() + " " + row.get("people").asInt()));
            assertThat(rows).as("%s %s rows", number, expected.label()).containsExactlyInAnyOrderElementsOf(expected.rows());
        }
    }

    private static String seedFile() throws IOException {
        try (InputStream in = SeedReportTest.class.getResourceAsStream("/seed/gyeonggi-2014-2016.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
