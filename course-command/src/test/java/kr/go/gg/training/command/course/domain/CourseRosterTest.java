package kr.go.gg.training.command.course.domain;

import java.util.List;
import java.util.Map;

import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import kr.go.gg.training.command.platform.idempotency.IdempotencyKeys;
import kr.go.gg.training.api.command.Replayed;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kr.go.gg.training.command.course.domain.CourseHistories.*;
import static kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys.enrolled;

/**
 * Enrolment and withdrawal, handled by the course's {@link CourseRoster} under the rules of {@link EnrolmentPolicy}:
 * one test per rule, and the course's own interceptor (answered keys, freshness before a refusal) around them.
 */
class CourseRosterTest {

    /** What the event store holds beyond the course's version; by default nothing (one writer). */
    private AggregateFreshness freshness = AggregateFreshness.SINGLE_WRITER;
    private AggregateTestFixture<Course> fixture;
    private final InMemoryTraineeKeys keys = new InMemoryTraineeKeys();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource((AgreementLookup) (province, month) -> true);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource((AggregateFreshness) (id, version) -> freshness.confirm(id, version));
    }

    @Test
    void a_trainee_enrols_while_the_course_is_scheduled() {
        fixture.given(scheduledKoica(2)).when(new EnrollTrainee(ID, T1, KIM))
                .expectEvents(enrolled(ID, T1, KIM, 1)).expectResultMessagePayload(6L);
    }

    @Test
    void a_trainee_cannot_enrol_before_the_course_is_scheduled() {
        fixture.given(awarded(2)).when(new EnrollTrainee(ID, T1, KIM))
                .expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void a_course_never_takes_more_trainees_than_its_capacity() {
        Object[] given = scheduledKoica(1);
        fixture.given(List.of(given)).andGiven(enrolled(ID, T1, KIM, 1))
                .when(new EnrollTrainee(ID, T2, LEE))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is full"))
                .expectNoEvents();
    }

    @Test
    void the_same_person_cannot_enrol_twice() {
        Trainee sameKim = new Trainee(" kim ", "VIETNAM", "hanoi  city", "Deputy", TraineeLevel.MID_LEVEL);
        fixture.given(List.of(scheduledKoica(5))).andGiven(enrolled(ID, T1, KIM, 1))
                .when(new EnrollTrainee(ID, T2, sameKim))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_withdrawn_person_may_enrol_again_under_a_new_trainee_id() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(enrolled(ID, T1, KIM, 1), new TraineeWithdrawn(ID, T1, "ill", 0))
                .when(new EnrollTrainee(ID, T2, KIM))
                .expectEvents(enrolled(ID, T2, KIM, 1));
    }

    @Test
    void a_koica_trainee_needs_a_level() {
        fixture.given(scheduledKoica(5))
                .when(new EnrollTrainee(ID, T1, new Trainee("Kim", "Vietnam", "Hanoi", "Director", null)))
                .expectException(kr.go.gg.training.api.InvalidValueException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("level ")).expectNoEvents();
    }

    @Test
    void a_china_trainee_needs_no_level() {
        Trainee wang = new Trainee("Wang", "Jiangsu", "Nanjing", "Officer", null);
        fixture.given(chinaProposed(), new CourseScheduled(ID, PERIOD)).when(new EnrollTrainee(ID, T1, wang))
                .expectEvents(enrolled(ID, T1, wang, 1));
    }

    @Test
    void a_trainee_withdraws_while_the_course_runs() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(enrolled(ID, T1, KIM, 1), new CourseStarted(ID, 1))
                .when(new WithdrawTrainee(ID, T1, "called home"))
                .expectEvents(new TraineeWithdrawn(ID, T1, "called home", 0));
    }

    @Test
    void withdrawing_an_unknown_trainee_is_not_found() {
        fixture.given(scheduledKoica(5)).when(new WithdrawTrainee(ID, T1, "x"))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_trainee_cannot_withdraw_twice() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(enrolled(ID, T1, KIM, 1), new TraineeWithdrawn(ID, T1, "ill", 0))
                .when(new WithdrawTrainee(ID, T1, "again"))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_trainee_cannot_withdraw_after_completion() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(enrolled(ID, T1, KIM, 1), new CourseStarted(ID, 1),
                        new CourseCompleted(ID, Program.KOICA, Direction.INBOUND, "Vietnam", PERIOD, List.of(T1)))
                .when(new WithdrawTrainee(ID, T1, "late"))
                .expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void an_enrolment_whose_key_the_course_answered_before_appends_nothing_and_answers_as_the_first_time() {
        Map<String, Object> key = IdempotencyKeys.metaData("staff", "key-1", "same request");
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(List.of(new GenericEventMessage<>(enrolled(ID, T1, KIM, 1), key)))
                .when(new EnrollTrainee(ID, T1, KIM), key)
                .expectNoEvents()
                .expectResultMessagePayload(new Replayed(6L));
    }

    @Test
    void a_roster_refusal_is_given_only_by_the_event_stores_latest_course() {
        freshness = (aggregateId, version) -> {
            throw new AggregateFreshness.StaleAggregate(aggregateId, version, version + 1);
        };
        fixture.given(List.of(scheduledKoica(1))).andGiven(enrolled(ID, T1, KIM, 1))
                .when(new EnrollTrainee(ID, T2, LEE))
                .expectException(AggregateFreshness.StaleAggregate.class)
                .expectNoEvents();
    }
}
