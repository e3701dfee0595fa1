package kr.go.gg.training.command.privacy.domain;

import java.time.LocalDate;
import java.util.List;

import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.api.privacy.EraseTrainee;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.course.domain.Course;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.domain.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys.enrolled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.instanceOf;

/** The erasure rules of docs/privacy.md, handled by the course's roster: one test per rule. */
class TraineeErasureTest {

    private static final CourseId ID = new CourseId("course-1");
    private static final TraineeId T1 = new TraineeId("t1");
    private static final TraineeId T2 = new TraineeId("t2");
    private static final Trainee KIM = new Trainee("Kim", "Vietnam", "Hanoi City", "Director", null);
    private static final Period PERIOD = new Period(LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 14));

    private final InMemoryTraineeKeys keys = new InMemoryTraineeKeys();
    private AggregateTestFixture<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource((AgreementLookup) (province, month) -> true);
        fixture.registerInjectableResource(AggregateFreshness.SINGLE_WRITER);
        fixture.registerInjectableResource(keys);
    }

    private static List<Object> scheduledWithKim() {
        return List.of(new CourseProposed(ID, "Water policy", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", 10, null),
                new CourseScheduled(ID, PERIOD), enrolled(ID, T1, KIM, 1));
    }

    @Test
    void an_enrolment_carries_the_personal_fields_only_sealed() {
        fixture.given(scheduledWithKim().subList(0, 2)).when(new EnrollTrainee(ID, T1, KIM))
                .expectEvents(new kr.go.gg.training.api.enrollment.TraineeEnrolled(ID, T1, "Vietnam", null,
                        InMemoryTraineeKeys.sealed(new PersonalData("Kim", "Hanoi City", "Director")), null, 1));
    }

    @Test
    void an_erasure_destroys_the_key_and_records_who_and_why_without_personal_data() {
        fixture.given(scheduledWithKim()).when(new EraseTrainee(ID, T1, "asked by the trainee", "admin"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(allOf(instanceOf(TraineeErased.class),
                                hasToString(containsString("by=admin, reason=asked by the trainee")))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        assertThat(keys.isDestroyed(T1)).isTrue();
    }

    @Test
    void the_erasure_event_holds_no_personal_field() {
        assertThat(TraineeErased.class.getRecordComponents()).extracting(component -> component.getName())
                .containsExactly("courseId", "traineeId", "erasedAt", "by", "reason");
    }

    @Test
    void a_trainee_the_course_never_enrolled_cannot_be_erased() {
        fixture.given(scheduledWithKim()).when(new EraseTrainee(ID, T2, "asked", "admin"))
                .expectException(NotFound.class).expectNoEvents();
        assertThat(keys.isDestroyed(T2)).isFalse();
    }

    @Test
    void a_second_erasure_appends_nothing_and_answers_as_the_first() {
        fixture.given(scheduledWithKim()).andGiven(new TraineeErased(ID, T1, java.time.Instant.now(), "admin", "asked"))
                .when(new EraseTrainee(ID, T1, EraseTrainee.BY_RETENTION, EraseTrainee.BY_RETENTION))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(3L);
    }

    @Test
    void a_withdrawn_trainee_can_be_erased() {
        fixture.given(scheduledWithKim()).andGiven(new TraineeWithdrawn(ID, T1, "ill", 0))
                .when(new EraseTrainee(ID, T1, "asked", "admin"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(instanceOf(TraineeErased.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void an_erased_trainee_can_still_withdraw_and_counts_stay_as_they_were() {
        fixture.given(scheduledWithKim()).andGiven(new TraineeErased(ID, T1, java.time.Instant.now(), "admin", "asked"))
                .when(new WithdrawTrainee(ID, T1, "left"))
                .expectEvents(new TraineeWithdrawn(ID, T1, "left", 0));
    }

    @Test
    void an_erased_person_is_not_recognised_when_enrolling_again() {
        fixture.given(scheduledWithKim()).andGiven(new TraineeErased(ID, T1, java.time.Instant.now(), "admin", "asked"))
                .when(new EnrollTrainee(ID, T2, KIM))
                .expectEvents(enrolled(ID, T2, KIM, 2));
    }

    @Test
    void completing_the_course_starts_the_retention_period_of_its_trainees() {
        fixture.given(scheduledWithKim()).andGiven(new CourseStarted(ID, 1)).when(new CompleteCourse(ID))
                .expectEvents(new CourseCompleted(ID, Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", PERIOD, List.of(T1)));
        assertThat(keys.retentionStart(ID)).isPresent();
    }
}
