package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.course.*;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.domain.DomainRefusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kr.go.gg.training.command.course.domain.CourseHistories.*;
import static kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys.enrolled;
import static org.assertj.core.api.Assertions.assertThat;

class CourseTest {

    /** The agreement lookup is the aggregate's collaborator: a fake holding the provinces with an agreement. */
    private final Set<Province> provincesWithAgreement = new HashSet<>();
    private final AgreementLookup agreements = (province, month) -> provincesWithAgreement.contains(province);
    private AggregateTestFixture<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource(agreements);
        fixture.registerInjectableResource(AggregateFreshness.SINGLE_WRITER);
        fixture.registerInjectableResource(new InMemoryTraineeKeys());
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
    void a_koica_course_is_not_scheduled_to_start_before_it_was_awarded() {
        Period beforeTheAward = new Period(D.minusYears(1), D.minusYears(1).plusDays(10)); // awarded on D + 3 days
        fixture.given(List.of(awarded(20))).when(new ScheduleCourse(ID, beforeTheAward))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not precede it"))
                .expectNoEvents();
    }

    @Test
    void a_koica_course_may_start_on_the_day_it_was_awarded() {
        Period fromTheAward = new Period(D.plusDays(3), D.plusDays(13));
        fixture.given(List.of(awarded(20))).when(new ScheduleCourse(ID, fromTheAward))
                .expectEvents(new CourseScheduled(ID, fromTheAward));
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
    void a_scheduled_course_starts() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(enrolled(ID, T1, KIM, 1))
                .when(new StartCourse(ID)).expectEvents(new CourseStarted(ID, 1));
    }

    @Test
    void a_course_cannot_start_before_it_is_scheduled() {
        fixture.given(chinaProposed()).when(new StartCourse(ID)).expectException(StepNotAllowed.class).expectNoEvents();
    }

    @Test
    void completion_counts_the_still_enrolled_trainees_as_participants() {
        fixture.given(List.of(scheduledKoica(5)))
                .andGiven(enrolled(ID, T1, KIM, 1), enrolled(ID, T2, LEE, 2),
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
                .expectException(CourseAlreadyExists.class).expectNoEvents();
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
