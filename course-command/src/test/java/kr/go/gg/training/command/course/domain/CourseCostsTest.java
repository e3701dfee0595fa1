package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.List;

import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostCategory;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.Payer;
import kr.go.gg.training.api.cost.RecordCommission;
import kr.go.gg.training.api.cost.RecordCost;
import kr.go.gg.training.api.cost.WithdrawCost;
import kr.go.gg.training.api.course.CourseCancelled;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kr.go.gg.training.api.cost.CostCategory.ACCOMMODATION;
import static kr.go.gg.training.api.cost.CostCategory.AIRFARE;
import static kr.go.gg.training.api.cost.CostCategory.EDUCATION;
import static kr.go.gg.training.api.cost.CostCategory.OTHER;
import static kr.go.gg.training.api.cost.CostCategory.TRAVEL;
import static kr.go.gg.training.api.cost.Payer.GYEONGGI;
import static kr.go.gg.training.api.cost.Payer.KOICA;
import static kr.go.gg.training.api.cost.Payer.PARTNER_PROVINCE;
import static kr.go.gg.training.api.cost.Payer.TRAINEE_ORGANIZATION;
import static kr.go.gg.training.command.course.domain.CourseHistories.ID;
import static kr.go.gg.training.command.course.domain.CourseHistories.PERIOD;
import static kr.go.gg.training.command.course.domain.CourseHistories.awarded;
import static kr.go.gg.training.command.course.domain.CourseHistories.chinaProposed;
import static kr.go.gg.training.command.course.domain.CourseHistories.scheduledKoica;
import static org.hamcrest.Matchers.containsString;

/** Costs and commission, handled by the course's {@link CourseCosts}: one test per rule of {@link CostSharingPolicy} and {@link MoneyPolicy}. */
class CourseCostsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2016, 9, 30);
    private AggregateTestFixture<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = CourseHistories.fixtureWithEveryAgreement();
    }

    private static Object[] scheduledChina(Direction direction) {
        CourseProposed china = chinaProposed();
        return new Object[]{new CourseProposed(ID, china.title(), Program.CHINA_EXCHANGE, direction, "Jiangsu", 20, null),
                new CourseScheduled(ID, PERIOD)};
    }

    private static RecordCost cost(CostCategory category, Payer paidBy) {
        return new RecordCost(ID, "c1", category, 1_500_000L, paidBy, "receipt 17");
    }

    private static CostRecorded recorded(Program program, Direction direction, CostCategory category, Payer paidBy) {
        return new CostRecorded(ID, "c1", program, direction, "Jiangsu", 2016, category, 1_500_000L, paidBy, "receipt 17");
    }

    private void accepted(Direction direction, CostCategory category, Payer paidBy) {
        fixture.given(scheduledChina(direction)).when(cost(category, paidBy))
                .expectEvents(recorded(Program.CHINA_EXCHANGE, direction, category, paidBy));
    }

    private void refused(Object[] given, CostCategory category, Payer paidBy) {
        fixture.given(given).when(cost(category, paidBy)).expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("Cost sharing rule")).expectNoEvents();
    }

    @Test
    void the_trainees_organisation_pays_airfare_and_travel_of_an_inbound_china_course() {
        accepted(Direction.INBOUND, AIRFARE, TRAINEE_ORGANIZATION);
        accepted(Direction.INBOUND, TRAVEL, TRAINEE_ORGANIZATION);
        refused(scheduledChina(Direction.INBOUND), AIRFARE, GYEONGGI);
        refused(scheduledChina(Direction.INBOUND), TRAVEL, GYEONGGI);
    }

    @Test
    void gyeonggi_do_pays_accommodation_and_education_of_an_inbound_china_course() {
        accepted(Direction.INBOUND, ACCOMMODATION, GYEONGGI);
        accepted(Direction.INBOUND, EDUCATION, GYEONGGI);
        refused(scheduledChina(Direction.INBOUND), ACCOMMODATION, TRAINEE_ORGANIZATION);
        refused(scheduledChina(Direction.INBOUND), EDUCATION, TRAINEE_ORGANIZATION);
    }

    @Test
    void gyeonggi_do_pays_its_officials_airfare_and_travel_of_an_outbound_china_course() {
        accepted(Direction.OUTBOUND, AIRFARE, GYEONGGI);
        accepted(Direction.OUTBOUND, TRAVEL, GYEONGGI);
        refused(scheduledChina(Direction.OUTBOUND), AIRFARE, PARTNER_PROVINCE);
        refused(scheduledChina(Direction.OUTBOUND), TRAVEL, TRAINEE_ORGANIZATION);
    }

    @Test
    void the_partner_province_pays_accommodation_and_education_of_an_outbound_china_course() {
        accepted(Direction.OUTBOUND, ACCOMMODATION, PARTNER_PROVINCE);
        accepted(Direction.OUTBOUND, EDUCATION, PARTNER_PROVINCE);
        refused(scheduledChina(Direction.OUTBOUND), ACCOMMODATION, GYEONGGI);
        refused(scheduledChina(Direction.OUTBOUND), EDUCATION, TRAINEE_ORGANIZATION);
    }

    @Test
    void other_costs_of_a_china_course_are_paid_by_either_side_never_by_koica() {
        accepted(Direction.INBOUND, OTHER, TRAINEE_ORGANIZATION);
        accepted(Direction.INBOUND, OTHER, GYEONGGI);
        accepted(Direction.OUTBOUND, OTHER, PARTNER_PROVINCE);
        refused(scheduledChina(Direction.INBOUND), OTHER, KOICA);
        refused(scheduledChina(Direction.OUTBOUND), OTHER, KOICA);
    }

    @Test
    void koica_pays_every_category_of_a_koica_course_and_nobody_else_does() {
        for (CostCategory category : CostCategory.values()) {
            fixture.given(scheduledKoica(5)).when(cost(category, KOICA))
                    .expectEvents(new CostRecorded(ID, "c1", Program.KOICA, Direction.INBOUND, "Vietnam", 2016, category,
                            1_500_000L, KOICA, "receipt 17"));
            refused(scheduledKoica(5), category, GYEONGGI);
            refused(scheduledKoica(5), category, TRAINEE_ORGANIZATION);
        }
    }

    @Test
    void a_cost_needs_the_courses_training_period() {
        fixture.given(awarded(5)).when(cost(AIRFARE, KOICA)).expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("no training period")).expectNoEvents();
    }

    @Test
    void a_cost_id_is_recorded_once() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(recorded(Program.KOICA, Direction.INBOUND, AIRFARE, KOICA))
                .when(cost(EDUCATION, KOICA)).expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_recorded_cost_is_withdrawn_by_an_event_of_its_own() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(recorded(Program.KOICA, Direction.INBOUND, AIRFARE, KOICA))
                .when(new WithdrawCost(ID, "c1", "entered twice"))
                .expectEvents(new CostWithdrawn(ID, "c1", 2016, "entered twice"));
    }

    @Test
    void a_cost_is_withdrawn_once() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(recorded(Program.KOICA, Direction.INBOUND, AIRFARE, KOICA),
                        new CostWithdrawn(ID, "c1", 2016, "entered twice"))
                .when(new WithdrawCost(ID, "c1", "again")).expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void an_unknown_cost_cannot_be_withdrawn() {
        fixture.given(scheduledKoica(5)).when(new WithdrawCost(ID, "c9", "?")).expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void a_koica_course_records_its_consignment_commission_in_its_training_year() {
        fixture.given(scheduledKoica(5)).when(new RecordCommission(ID, 30_000_000L, RECEIVED))
                .expectEvents(new CommissionRecorded(ID, 30_000_000L, RECEIVED, 2016));
    }

    @Test
    void only_a_koica_course_earns_a_commission() {
        fixture.given(scheduledChina(Direction.INBOUND)).when(new RecordCommission(ID, 30_000_000L, RECEIVED))
                .expectException(DomainRefusal.class).expectExceptionMessage(containsString("only a KOICA course"))
                .expectNoEvents();
    }

    @Test
    void a_commission_needs_the_courses_training_period() {
        fixture.given(awarded(5)).when(new RecordCommission(ID, 30_000_000L, RECEIVED))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_cancelled_course_earns_no_commission() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(new CourseCancelled(ID, "war", CourseStatus.SCHEDULED))
                .when(new RecordCommission(ID, 30_000_000L, RECEIVED)).expectException(DomainRefusal.class)
                .expectNoEvents();
    }

    @Test
    void a_commission_recorded_again_replaces_the_former_one_by_a_new_event() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(new CommissionRecorded(ID, 30_000_000L, RECEIVED, 2016))
                .when(new RecordCommission(ID, 32_000_000L, RECEIVED))
                .expectEvents(new CommissionRecorded(ID, 32_000_000L, RECEIVED, 2016));
    }

    @Test
    void the_same_commission_again_appends_nothing() {
        fixture.given(List.of(scheduledKoica(5))).andGiven(new CommissionRecorded(ID, 30_000_000L, RECEIVED, 2016))
                .when(new RecordCommission(ID, 30_000_000L, RECEIVED)).expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
