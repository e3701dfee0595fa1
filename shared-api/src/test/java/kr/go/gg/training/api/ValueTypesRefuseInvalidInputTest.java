package kr.go.gg.training.api;

import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesRefuseInvalidInputTest {

    private static final LocalDate JUNE_29 = LocalDate.of(2016, 6, 29);

    @Test
    void a_period_may_not_end_before_it_starts() {
        assertThatThrownBy(() -> new Period(JUNE_29, JUNE_29.minusDays(1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("endDate");
    }

    @Test
    void a_period_of_one_day_is_valid() {
        assertThat(new Period(JUNE_29, JUNE_29).year()).isEqualTo(2016);
    }

    @Test
    void a_period_may_not_last_longer_than_a_year() {
        assertThatThrownBy(() -> new Period(JUNE_29, JUNE_29.plusDays(Period.MAX_DAYS)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void dates_outside_the_plausible_range_are_refused() {
        assertThatThrownBy(() -> new Period(LocalDate.of(1999, 12, 31), JUNE_29))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("startDate");
    }

    @Test
    void a_title_longer_than_the_limit_names_the_field() {
        String title = "x".repeat(Require.MAX_TEXT + 1);
        assertThatThrownBy(() -> new ProposeCourse(CourseId.random(), title, Program.KOICA, Direction.INBOUND, "Iraq", 20, null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("title");
    }

    @Test
    void a_listed_province_is_accepted_in_any_case_with_its_kind_and_loose_spaces() {
        Map<String, String> spellings = Map.of("shandong", "Shandong", " Shandong  Province ", "Shandong",
                "INNER   MONGOLIA autonomous region", "Inner Mongolia", "Xizang", "Tibet", "hong kong SAR", "Hong Kong",
                "Macau", "Macao", "Beijing Municipality", "Beijing", "Taiwan Province", "Taiwan", "Guangxi Zhuang Autonomous Region", "Guangxi");
        spellings.forEach((text, name) -> assertThat(Province.listed(text, "province").name()).as(text).isEqualTo(name));
        assertThat(Province.DIVISIONS).hasSize(34).doesNotHaveDuplicates();
    }

    @Test
    void a_place_that_is_no_provincial_level_division_of_china_is_refused() {
        for (String text : new String[]{"Atlantis", " \uD83D\uDC3C ", "Shandongg", "Province", "", " ", "Seoul", "x".repeat(300)}) {
            assertThatThrownBy(() -> Province.listed(text, "province")).as(text)
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("province");
        }
    }

    @Test
    void a_stored_province_outside_the_list_still_reads() {
        // events recorded before the list was enforced must still load
        assertThat(Province.of("atlantis").name()).isEqualTo("Atlantis");
        assertThat(Province.of("\uD83D\uDC3C").name()).isEqualTo("\uD83D\uDC3C");
    }

    @Test
    void a_title_of_emoji_counts_characters_not_utf16_units() {
        String panda = "\uD83D\uDC3C";
        assertThat(new ProposeCourse(CourseId.random(), panda.repeat(Require.MAX_TEXT), Program.KOICA, Direction.INBOUND, "Iraq", 20, null)
                .title()).hasSize(2 * Require.MAX_TEXT);
        assertThatThrownBy(() -> new ProposeCourse(CourseId.random(), panda.repeat(Require.MAX_TEXT + 1), Program.KOICA,
                Direction.INBOUND, "Iraq", 20, null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_koica_course_is_always_inbound() {
        assertThatThrownBy(() -> new ProposeCourse(CourseId.random(), "t", Program.KOICA, Direction.OUTBOUND, "Iraq", 20, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("INBOUND");
    }

    @Test
    void capacity_must_be_positive() {
        assertThatThrownBy(() -> new ProposeCourse(CourseId.random(), "t", Program.KOICA, Direction.INBOUND, "Iraq", 0, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("capacity");
    }

    @Test
    void blank_trainee_names_are_refused() {
        assertThatThrownBy(() -> new Trainee(" ", "Iraq", "Ministry", "Director", null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("name");
    }

    @Test
    void the_same_person_is_recognised_whatever_the_case_and_spacing() {
        Trainee one = new Trainee("Ali  Hassan", "Iraq", "Ministry of Planning", "Director", null);
        Trainee same = new Trainee("ali hassan", "IRAQ", "ministry of  planning", "Deputy", null);
        assertThat(one.identity()).isEqualTo(same.identity());
    }

    @Test
    void a_province_is_named_without_the_word_province() {
        assertThat(Province.of("Shandong Province")).isEqualTo(Province.of(" shandong "));
        assertThat(Province.of("Shandong Province").name()).isEqualTo("Shandong");
    }

    @Test
    void a_repeated_historical_import_derives_the_same_course_id() {
        Period period = new Period(JUNE_29, JUNE_29.plusDays(13));
        assertThat(ImportHistoricalCourse.idFor(Program.CHINA_EXCHANGE, Direction.INBOUND, "Shandong Province", period))
                .isEqualTo(ImportHistoricalCourse.idFor(Program.CHINA_EXCHANGE, Direction.INBOUND, " shandong province", period))
                .isNotEqualTo(ImportHistoricalCourse.idFor(Program.KOICA, Direction.INBOUND, "Shandong Province", period));
    }
}
