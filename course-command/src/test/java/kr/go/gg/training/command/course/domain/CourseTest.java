package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.*;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.agreement.AgreementLookup;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CourseTest {

    private static final CourseId ID = new CourseId("course-1");
    private static final LocalDate D = LocalDate.of(2016, 1, 5);
    private static final Period PERIOD = new Period(LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 14));
    private static final TraineeId T1 = new TraineeId("t1");
    private static final TraineeId T2 = new TraineeId("t2");
    private static final Trainee KIM = new Trainee("Kim", "Vietnam", "Hanoi City", "Director", TraineeLevel.MID_LEVEL);
    private static final Trainee LEE = new Trainee("Lee", "Vietnam", "Hanoi City", "Officer", TraineeLevel.HIGH_RANKING);

    /** The agreement lookup is the aggregate's collaborator: a fake holding the provinces with an agreement. */
    private final Set<Province> provincesWithAgreement = new HashSet<>();
    private final AgreementLookup agreements = (province, month) -> provincesWithAgreement.contains(province);
    private AggregateTestFixture<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource(agreements);
        fixture.registerInjectableResource(AggregateFreshness.SINGLE_WRITER);
    }

    private static CourseProposed koicaProposed(int capacity) {
        return new CourseProposed(ID, "Smart city", Program.KOICA, Direction.INBOUND, "Vietnam", capacity, 2016);
    }

    private static CourseProposed chinaProposed() {
        return new CourseProposed(ID, "Jiangsu officials", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", 20, null);
    }

    private static Object[] awarded(int capacity) {
        return new Object[]{koicaProposed(capacity), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D.plusDays(1)),
                new ConsigneeInvitationPublished(ID, 1, D.plusDays(2)), new ConsigneeAwarded(ID, D.plusDays(3))};
    }

    private static Object[] scheduledKoica(int capacity) {
        Object[] awarded = awarded(capacity);
        Object[] events = java.util.Arrays.copyOf(awarded, awarded.length + 1);
        events[awarded.length] = new CourseScheduled(ID, PERIOD);
        return events;
    }

    @Test
    void a_koica_course_can_be_proposed_without_an_agreement() {
        fixture.givenNoPriorActivity()
                .when(new ProposeCourse(ID, "Smart city", Program.KOICA, Direction.INBOUND, "Vietnam", 20, 2016))
                .expectEvents(koicaProposed(20))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_china_course_is_proposed_when_an_agreement_with_its_province_is_in_force() {
        provincesWithAgreement.add(Province.of("Jiangsu"));
        fixture.givenNoPriorActivity()
                .when(new ProposeCourse(ID, "Jiangsu officials", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu Province", 20, null))
                .expectEvents(new CourseProposed(ID, "Jiangsu officials", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu Province", 20, null));
    }

    @Test
    void a_china_course_without_an_agreement_in_force_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ProposeCourse(ID, "Jilin officials", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jilin", 20, null))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no exchange agreement with Jilin"))
                .expectNoEvents();
    }

    @Test
    void the_koica_pipeline_runs_in_its_order_and_each_step_answers_the_new_version() {
        fixture.given(koicaProposed(20)).when(new RecordDemandSurvey(ID, D))
                .expectEvents(new DemandSurveyRecorded(ID, D)).expectResultMessagePayload(1L);
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D)).when(new RecordCourseSelection(ID, true, D))
                .expectEvents(new CourseSelected(ID, D)).expectResultMessagePayload(2L);
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D))
                .when(new PublishConsigneeInvitation(ID, 2, D))
                .expectEvents(new ConsigneeInvitationPublished(ID, 2, D)).expectResultMessagePayload(3L);
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D), new ConsigneeInvitationPublished(ID, 2, D))
                .when(new RecordConsigneeSelection(ID, true, D))
                .expectEvents(new ConsigneeAwarded(ID, D)).expectResultMessagePayload(4L);
        fixture.given(awarded(20)).when(new ScheduleCourse(ID, PERIOD))
                .expectEvents(new CourseScheduled(ID, PERIOD)).expectResultMessagePayload(5L);
    }

    @Test
    void a_koica_course_not_selected_is_rejected_and_closed() {
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D)).when(new RecordCourseSelection(ID, false, D))
                .expectEvents(new CourseRejected(ID, D));
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseRejected(ID, D))
                .when(new PublishConsigneeInvitation(ID, 1, D))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage("Course 'course-1' is REJECTED; cannot publish consignee invitation; allowed now: nothing (the course is closed)");
    }

    @Test
    void a_koica_course_another_institution_won_is_not_awarded() {
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D), new ConsigneeInvitationPublished(ID, 1, D))
                .when(new RecordConsigneeSelection(ID, false, D))
                .expectEvents(new ConsigneeNotAwarded(ID, D));
    }

    @Test
    void a_koica_step_out_of_order_is_refused_naming_the_state_and_the_allowed_steps() {
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D))
                .when(new RecordConsigneeSelection(ID, true, D))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage("Course 'course-1' is SELECTED; cannot record consignee selection; allowed now: publish consignee invitation, cancel")
                .expectNoEvents();
    }

    @Test
    void a_koica_stage_date_may_not_precede_the_previous_stage() {
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D))
                .when(new RecordCourseSelection(ID, true, D.minusDays(1)))
                .expectException(DomainRefusal.class)
                .expectNoEvents();
    }

    @Test
    void a_koica_course_cannot_be_scheduled_before_it_is_awarded() {
        fixture.given(koicaProposed(20), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D))
                .when(new ScheduleCourse(ID, PERIOD))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void a_china_course_is_scheduled_straight_from_proposed() {
        fixture.given(chinaProposed()).when(new ScheduleCourse(ID, PERIOD))
                .expectEvents(new CourseScheduled(ID, PERIOD)).expectResultMessagePayload(1L);
    }

    @Test
    void a_china_course_has_no_koica_stages() {
        fixture.given(chinaProposed()).when(new RecordDemandSurvey(ID, D))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage("Course 'course-1' is PROPOSED; cannot record demand survey; allowed now: schedule, cancel");
    }

    @Test
    void a_scheduled_course_can_be_rescheduled() {
        Period later = new Period(LocalDate.of(2016, 7, 1), LocalDate.of(2016, 7, 5));
        fixture.given(chinaProposed(), new CourseScheduled(ID, PERIOD)).when(new ScheduleCourse(ID, later))
                .expectEvents(new CourseScheduled(ID, later));
    }

    @Test
    void a_trainee_enrols_while_the_course_is_scheduled() {
        fixture.given(scheduledKoica(2)).when(new EnrollTrainee(ID, T1, KIM))
                .expectEvents(new TraineeEnrolled(ID, T1, KIM, 1)).expectResultMessagePayload(6L);
    }

    @Test
    void a_trainee_cannot_enrol_before_the_course_is_scheduled() {
        fixture.given(awarded(2)).when(new EnrollTrainee(ID, T1, KIM))
                .expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void a_course_never_takes_more_trainees_than_its_capacity() {
        Object[] given = scheduledKoica(1);
        fixture.given(List.of(given)).andGiven(new TraineeEnrolled(ID, T1, KIM, 1))
                .when(new EnrollTrainee(ID, T2, LEE))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is full"))
                .expectNoEvents();
    }

    @Test
    void the_same_person_cannot_enrol_twice() {
        Trainee sameKim = new Trainee(" kim ", "VIETNAM", "hanoi  city", "Deputy", TraineeLevel.MID_LEVEL);
        fixture.given(List.of(scheduledKoica(5))).andGiven(new TraineeEnrolled(ID, T1, KIM, 1))
                .when(new EnrollTrainee(ID, T2, sameKim))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_withdrawn_person_may_enrol_again_under_a_new_trainee_id() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(new TraineeEnrolled(ID, T1, KIM, 1), new TraineeWithdrawn(ID, T1, "ill", 0))
                .when(new EnrollTrainee(ID, T2, KIM))
                .expectEvents(new TraineeEnrolled(ID, T2, KIM, 1));
    }

    @Test
    void a_koica_trainee_needs_a_level() {
        fixture.given(scheduledKoica(5))
                .when(new EnrollTrainee(ID, T1, new Trainee("Kim", "Vietnam", "Hanoi", "Director", null)))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_china_trainee_needs_no_level() {
        Trainee wang = new Trainee("Wang", "Jiangsu", "Nanjing", "Officer", null);
        fixture.given(chinaProposed(), new CourseScheduled(ID, PERIOD)).when(new EnrollTrainee(ID, T1, wang))
                .expectEvents(new TraineeEnrolled(ID, T1, wang, 1));
    }

    @Test
    void a_trainee_withdraws_while_the_course_runs() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(new TraineeEnrolled(ID, T1, KIM, 1), new CourseStarted(ID, 1))
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
                .andGiven(new TraineeEnrolled(ID, T1, KIM, 1), new TraineeWithdrawn(ID, T1, "ill", 0))
                .when(new WithdrawTrainee(ID, T1, "again"))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_trainee_cannot_withdraw_after_completion() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(new TraineeEnrolled(ID, T1, KIM, 1), new CourseStarted(ID, 1),
                        new CourseCompleted(ID, Program.KOICA, Direction.INBOUND, "Vietnam", PERIOD, List.of(T1)))
                .when(new WithdrawTrainee(ID, T1, "late"))
                .expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void a_scheduled_course_starts() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(new TraineeEnrolled(ID, T1, KIM, 1))
                .when(new StartCourse(ID)).expectEvents(new CourseStarted(ID, 1));
    }

    @Test
    void a_course_cannot_start_before_it_is_scheduled() {
        fixture.given(chinaProposed()).when(new StartCourse(ID)).expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void completion_counts_the_still_enrolled_trainees_as_participants() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(new TraineeEnrolled(ID, T1, KIM, 1), new TraineeEnrolled(ID, T2, LEE, 2),
                        new TraineeWithdrawn(ID, T1, "ill", 1), new CourseStarted(ID, 1))
                .when(new CompleteCourse(ID))
                .expectEvents(new CourseCompleted(ID, Program.KOICA, Direction.INBOUND, "Vietnam", PERIOD, List.of(T2)));
    }

    @Test
    void a_course_cannot_complete_before_it_starts() {
        fixture.given(scheduledKoica(5)).when(new CompleteCourse(ID)).expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void a_course_can_be_cancelled_with_a_reason_before_completion() {
        fixture.given(koicaProposed(5), new DemandSurveyRecorded(ID, D)).when(new CancelCourse(ID, "budget cut"))
                .expectEvents(new CourseCancelled(ID, "budget cut", CourseStatus.DEMAND_SURVEYED));
    }

    @Test
    void a_completed_course_cannot_be_cancelled() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(new CourseStarted(ID, 0), new CourseCompleted(ID, Program.KOICA, Direction.INBOUND, "Vietnam", PERIOD, List.of()))
                .when(new CancelCourse(ID, "too late"))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage("Course 'course-1' is COMPLETED; cannot cancel; allowed now: nothing (the course is closed)");
    }

    @Test
    void a_cancelled_course_cannot_be_cancelled_again() {
        fixture.given(chinaProposed(), new CourseCancelled(ID, "x", CourseStatus.PROPOSED)).when(new CancelCourse(ID, "y"))
                .expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void a_historical_course_is_imported_as_completed() {
        ImportHistoricalCourse command = new ImportHistoricalCourse(ID, Program.KOICA, Direction.INBOUND, "Laos", PERIOD, 12, null);
        fixture.givenNoPriorActivity().when(command)
                .expectEvents(new HistoricalCourseImported(ID, "KOICA course with Laos", Program.KOICA, Direction.INBOUND, "Laos", PERIOD, 12, "historical import"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void a_historical_course_is_not_imported_twice() {
        fixture.given(new HistoricalCourseImported(ID, "t", Program.KOICA, Direction.INBOUND, "Laos", PERIOD, 12, "x"))
                .when(new ImportHistoricalCourse(ID, Program.KOICA, Direction.INBOUND, "Laos", PERIOD, 12, null))
                .expectException(Course.CourseAlreadyExists.class).expectNoEvents();
    }

    @Test
    void an_imported_course_takes_no_further_steps() {
        fixture.given(new HistoricalCourseImported(ID, "t", Program.KOICA, Direction.INBOUND, "Laos", PERIOD, 12, "x"))
                .when(new StartCourse(ID)).expectException(StepNotAllowed.class);
    }

    @Test
    void the_lifecycle_names_every_state() {
        for (CourseStatus status : CourseStatus.values()) {
            assertThat(LifecyclePolicy.allowed(Program.KOICA, status).isEmpty()).isEqualTo(status.isTerminal());
        }
    }
}
