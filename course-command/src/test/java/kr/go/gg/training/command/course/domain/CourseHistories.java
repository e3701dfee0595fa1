package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.Arrays;

import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;

import kr.go.gg.training.api.course.ConsigneeAwarded;
import kr.go.gg.training.api.course.ConsigneeInvitationPublished;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseSelected;
import kr.go.gg.training.api.course.DemandSurveyRecorded;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;

/** The courses and people the aggregate tests start from (CourseTest, CourseRosterTest). */
final class CourseHistories {

    static final CourseId ID = new CourseId("course-1");
    static final LocalDate D = LocalDate.of(2016, 1, 5);
    static final Period PERIOD = new Period(LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 14));
    static final TraineeId T1 = new TraineeId("t1");
    static final TraineeId T2 = new TraineeId("t2");
    static final Trainee KIM = new Trainee("Kim", "Vietnam", "Hanoi City", "Director", TraineeLevel.MID_LEVEL);
    static final Trainee LEE = new Trainee("Lee", "Vietnam", "Hanoi City", "Officer", TraineeLevel.HIGH_RANKING);

    private CourseHistories() {
    }

    /** A fixture of the course where every agreement holds, trainees' keys in memory, one writer. */
    static AggregateTestFixture<Course> fixtureWithEveryAgreement() {
        AggregateTestFixture<Course> fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource((AgreementLookup) (province, month) -> true);
        fixture.registerInjectableResource(new InMemoryTraineeKeys());
        fixture.registerInjectableResource(AggregateFreshness.SINGLE_WRITER);
        return fixture;
    }

    static CourseProposed koicaProposed(int capacity) {
        return new CourseProposed(ID, "Smart city", Program.KOICA, Direction.INBOUND, "Vietnam", capacity, 2016);
    }

    static CourseProposed chinaProposed() {
        return new CourseProposed(ID, "Jiangsu officials", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", 20, null);
    }

    static Object[] awarded(int capacity) {
        return new Object[]{koicaProposed(capacity), new DemandSurveyRecorded(ID, D), new CourseSelected(ID, D.plusDays(1)),
                new ConsigneeInvitationPublished(ID, 1, D.plusDays(2)), new ConsigneeAwarded(ID, D.plusDays(3))};
    }

    static Object[] scheduledKoica(int capacity) {
        Object[] awarded = awarded(capacity);
        Object[] events = Arrays.copyOf(awarded, awarded.length + 1);
        events[awarded.length] = new CourseScheduled(ID, PERIOD);
        return events;
    }
}
