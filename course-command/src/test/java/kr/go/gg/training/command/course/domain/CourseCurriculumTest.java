package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.List;

import kr.go.gg.training.api.course.CourseCancelled;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.curriculum.AddSession;
import kr.go.gg.training.api.curriculum.RemoveSession;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionKind;
import kr.go.gg.training.api.curriculum.SessionRemoved;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static kr.go.gg.training.command.course.domain.CourseHistories.*;
import static org.hamcrest.Matchers.containsString;

/** The curriculum, handled by the course's {@link CourseCurriculum} under {@link CurriculumPolicy}: one test per rule. */
class CourseCurriculumTest {

    /** PERIOD: 2016-06-01 to 2016-06-14. */
    private static final LocalDate IN = LocalDate.of(2016, 6, 3);
    private static final LocalDate BEFORE = LocalDate.of(2016, 5, 20);
    private static final LocalDate AFTER = LocalDate.of(2016, 6, 25);

    private AggregateTestFixture<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = CourseHistories.fixtureWithEveryAgreement();
    }

    private static CourseProposed outboundChina() {
        return new CourseProposed(ID, "Gyeonggi-do officials to Jiangsu", Program.CHINA_EXCHANGE, Direction.OUTBOUND,
                "Jiangsu", 16, 2016);
    }

    private static AddSession add(String id, SessionKind kind, LocalDate date) {
        return new AddSession(ID, id, kind, "Session " + id, date);
    }

    private static SessionAdded added(String id, SessionKind kind, LocalDate date) {
        return new SessionAdded(ID, id, kind, "Session " + id, date);
    }

    @Test
    void a_lecture_inside_the_training_period_is_added_to_a_scheduled_course() {
        fixture.given(List.of(scheduledKoica(10))).when(add("s1", SessionKind.LECTURE, IN))
                .expectEvents(added("s1", SessionKind.LECTURE, IN)).expectResultMessagePayload(6L);
    }

    @Test
    void a_session_may_be_added_while_the_course_is_in_progress() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(new CourseStarted(ID, 0))
                .when(add("s1", SessionKind.FIELD_TRIP, PERIOD.endDate()))
                .expectEvents(added("s1", SessionKind.FIELD_TRIP, PERIOD.endDate()));
    }

    @Test
    void a_course_without_a_training_period_has_no_curriculum_yet() {
        fixture.given(List.of(awarded(10))).when(add("s1", SessionKind.LECTURE, IN))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("is CONSIGNEE_AWARDED; its curriculum can change only while the"
                        + " course is SCHEDULED or IN_PROGRESS"))
                .expectNoEvents();
    }

    @Test
    void the_curriculum_of_a_completed_course_is_closed() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(new CourseStarted(ID, 0),
                        new CourseCompleted(ID, Program.KOICA, Direction.INBOUND, "Vietnam", PERIOD, List.of()))
                .when(add("s1", SessionKind.LECTURE, IN))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void the_curriculum_of_a_cancelled_course_is_closed() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(new CourseCancelled(ID, "no visas", CourseStatus.SCHEDULED))
                .when(add("s1", SessionKind.LECTURE, IN))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_regular_session_outside_the_training_period_is_refused() {
        fixture.given(List.of(scheduledKoica(10))).when(add("s1", SessionKind.SEMINAR, PERIOD.endDate().plusDays(1)))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("runs 2016-06-01 to 2016-06-14; a SEMINAR on 2016-06-15 is"
                        + " refused: it must lie inside the training period"))
                .expectNoEvents();
    }

    @Test
    void an_outbound_china_course_has_a_preliminary_course_before_its_training_period() {
        fixture.given(outboundChina(), new CourseScheduled(ID, PERIOD)).when(add("p", SessionKind.PRELIMINARY_COURSE, BEFORE))
                .expectEvents(added("p", SessionKind.PRELIMINARY_COURSE, BEFORE));
    }

    @Test
    void an_outbound_china_course_has_a_post_course_after_its_training_period() {
        fixture.given(outboundChina(), new CourseScheduled(ID, PERIOD)).when(add("q", SessionKind.POST_COURSE, AFTER))
                .expectEvents(added("q", SessionKind.POST_COURSE, AFTER));
    }

    @Test
    void a_preliminary_course_is_not_held_during_the_training_period() {
        fixture.given(outboundChina(), new CourseScheduled(ID, PERIOD))
                .when(add("p", SessionKind.PRELIMINARY_COURSE, PERIOD.startDate()))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("must lie before the training period (2015-06-01 to 2016-05-31)"))
                .expectNoEvents();
    }

    @Test
    void a_post_course_is_not_held_before_the_training_period_ends() {
        fixture.given(outboundChina(), new CourseScheduled(ID, PERIOD))
                .when(add("q", SessionKind.POST_COURSE, PERIOD.endDate()))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("must lie after the training period")).expectNoEvents();
    }

    @Test
    void a_group_course_more_than_a_year_away_from_the_training_period_is_refused() {
        fixture.given(outboundChina(), new CourseScheduled(ID, PERIOD))
                .when(add("q", SessionKind.POST_COURSE, PERIOD.endDate().plusDays(CurriculumPolicy.MAX_DAYS_OUTSIDE + 1)))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void an_inbound_course_has_no_preliminary_course() {
        fixture.given(chinaProposed(), new CourseScheduled(ID, PERIOD)).when(add("p", SessionKind.PRELIMINARY_COURSE, BEFORE))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("is a CHINA_EXCHANGE INBOUND course; only outbound China exchange"
                        + " courses have a PRELIMINARY_COURSE"))
                .expectNoEvents();
    }

    @Test
    void a_koica_course_has_no_post_course() {
        fixture.given(List.of(scheduledKoica(10))).when(add("q", SessionKind.POST_COURSE, AFTER))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void the_same_session_on_the_same_day_is_not_added_twice() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN))
                .when(new AddSession(ID, "s2", SessionKind.LECTURE, "  session S1 ", IN))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("already has this LECTURE on 2016-06-03 (session 's1')"))
                .expectNoEvents();
    }

    @Test
    void a_session_id_names_one_session_even_after_its_removal() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN),
                        new SessionRemoved(ID, "s1", "typo"))
                .when(add("s1", SessionKind.SEMINAR, IN))
                .expectException(DomainRefusal.class).expectNoEvents();
    }

    @Test
    void a_curriculum_holds_at_most_its_maximum_of_sessions() {
        Object[] full = new Object[CurriculumPolicy.MAX_SESSIONS];
        for (int i = 0; i < full.length; i++) {
            full[i] = added("s" + i, SessionKind.LECTURE, IN);
        }
        fixture.given(List.of(scheduledKoica(10))).andGiven(full).when(add("one-more", SessionKind.LECTURE, IN))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("the most a curriculum holds")).expectNoEvents();
    }

    @Test
    void a_session_is_removed_with_its_reason() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN))
                .when(new RemoveSession(ID, "s1", "entered on the wrong day"))
                .expectEvents(new SessionRemoved(ID, "s1", "entered on the wrong day"));
    }

    @Test
    void an_unknown_session_cannot_be_removed() {
        fixture.given(List.of(scheduledKoica(10))).when(new RemoveSession(ID, "nope", "typo"))
                .expectException(NotFound.class).expectNoEvents();
    }

    @Test
    void a_session_is_removed_only_once() {
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN),
                        new SessionRemoved(ID, "s1", "typo"))
                .when(new RemoveSession(ID, "s1", "typo"))
                .expectException(DomainRefusal.class).expectExceptionMessage(containsString("is already removed"))
                .expectNoEvents();
    }

    @Test
    void the_course_cannot_move_its_period_away_from_its_sessions() {
        Period later = new Period(LocalDate.of(2016, 7, 1), LocalDate.of(2016, 7, 5));
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN))
                .when(new ScheduleCourse(ID, later))
                .expectException(DomainRefusal.class)
                .expectExceptionMessage(containsString("its curriculum has LECTURE on 2016-06-03 outside the new window"))
                .expectNoEvents();
    }

    @Test
    void the_course_may_move_its_period_where_its_sessions_still_fit() {
        Period longer = new Period(PERIOD.startDate(), PERIOD.endDate().plusDays(3));
        fixture.given(List.of(scheduledKoica(10))).andGiven(added("s1", SessionKind.LECTURE, IN))
                .when(new ScheduleCourse(ID, longer))
                .expectEvents(new CourseScheduled(ID, longer));
    }
}
