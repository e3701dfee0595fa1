package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Model-based: for any sequence of enrolments and withdrawals, the course accepts exactly what a simple model of
 * the rules accepts (capacity, one place per person, withdrawal once), and its headcounts match the model's.
 */
class EnrolmentPropertiesTest {

    private static final CourseId ID = new CourseId("c");
    private static final List<Trainee> PEOPLE = List.of(
            new Trainee("Wang", "Jiangsu", "Nanjing", "Officer", null),
            new Trainee("Li", "Jiangsu", "Nanjing", "Officer", null),
            new Trainee("Zhang", "Hebei", "Shijiazhuang", "Director", null),
            new Trainee("Liu", "Shandong", "Jinan", "Officer", null));

    /** positive: enrol PEOPLE[n-1]; zero or negative: withdraw the (-n)th enrolment made so far (or an unknown one). */
    @Provide
    Arbitrary<List<Integer>> actions() {
        return Arbitraries.integers().between(-5, PEOPLE.size()).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void the_course_accepts_exactly_what_the_rules_allow(@ForAll @IntRange(min = 1, max = 3) int capacity,
                                                          @ForAll("actions") @Size(max = 12) List<Integer> actions) {
        List<Object> history = new ArrayList<>(List.of(
                new CourseProposed(ID, "t", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", capacity, null),
                new CourseScheduled(ID, new Period(LocalDate.of(2016, 6, 1), LocalDate.of(2016, 6, 5)))));
        Map<TraineeId, Trainee> enrolments = new LinkedHashMap<>();
        Map<TraineeId, Boolean> withdrawn = new LinkedHashMap<>();
        int next = 0;
        for (int action : actions) {
            AggregateTestFixture<Course> fixture = new AggregateTestFixture<>(Course.class);
            fixture.registerInjectableResource((kr.go.gg.training.command.agreement.domain.AgreementLookup) (p, m) -> true);
            fixture.registerInjectableResource(new InMemoryTraineeKeys());
            fixture.registerInjectableResource(kr.go.gg.training.command.domain.AggregateFreshness.SINGLE_WRITER);
            int active = (int) withdrawn.values().stream().filter(w -> !w).count();
            if (action > 0) {
                Trainee person = PEOPLE.get(action - 1);
                TraineeId traineeId = new TraineeId("t" + next++);
                boolean present = enrolments.entrySet().stream()
                        .anyMatch(e -> !withdrawn.get(e.getKey()) && e.getValue().identity().equals(person.identity()));
                var result = fixture.given(history).when(new EnrollTrainee(ID, traineeId, person));
                if (present || active >= capacity) {
                    result.expectException(DomainRefusal.class).expectNoEvents();
                } else {
                    TraineeEnrolled event = InMemoryTraineeKeys.enrolled(ID, traineeId, person, active + 1);
                    result.expectEvents(event);
                    history.add(event);
                    enrolments.put(traineeId, person);
                    withdrawn.put(traineeId, false);
                }
            } else {
                List<TraineeId> ids = new ArrayList<>(enrolments.keySet());
                TraineeId traineeId = -action < ids.size() ? ids.get(-action) : new TraineeId("unknown");
                var result = fixture.given(history).when(new WithdrawTrainee(ID, traineeId, "reason"));
                if (!enrolments.containsKey(traineeId)) {
                    result.expectException(NotFound.class).expectNoEvents();
                } else if (withdrawn.get(traineeId)) {
                    result.expectException(DomainRefusal.class).expectNoEvents();
                } else {
                    TraineeWithdrawn event = new TraineeWithdrawn(ID, traineeId, "reason", active - 1);
                    result.expectEvents(event);
                    history.add(event);
                    withdrawn.put(traineeId, true);
                }
            }
        }
    }
}
