package kr.go.gg.training.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.TraineeId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void a_new_id_is_a_version_7_uuid_in_its_usual_text_form() {
        String id = TimeOrderedIds.next();
        assertThat(id).hasSize(36);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void ids_made_later_sort_after_ids_made_earlier_even_within_one_millisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void ids_made_on_many_threads_at_once_are_all_different() throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    ids.add(TimeOrderedIds.next());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(new HashSet<>(ids)).hasSize(20_000);
    }

    @Test
    void new_courses_trainees_and_agreements_get_time_ordered_ids() {
        assertThat(UUID.fromString(CourseId.random().value()).version()).isEqualTo(7);
        assertThat(UUID.fromString(TraineeId.random().value()).version()).isEqualTo(7);
        assertThat(UUID.fromString(AgreementId.random().value()).version()).isEqualTo(7);
    }

    @Test
    void an_imported_course_keeps_its_id_derived_from_the_natural_key() {
        assertThat(CourseId.derivedFrom("2016|KOICA|x")).isEqualTo(CourseId.derivedFrom("2016|KOICA|x"));
        assertThat(UUID.fromString(CourseId.derivedFrom("2016|KOICA|x").value()).version()).isEqualTo(3);
    }
}
