package kr.go.gg.training.command.course.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The trainees of one course: who is enrolled, who withdrew (in enrolment order). An aggregate member of
 * {@link Course} that handles enrolment and withdrawal and folds their events; the rules are
 * {@link EnrolmentPolicy}'s, the course's state is asked of the course (its lifecycle decides whether the step is
 * allowed at all). Course's {@code answerOnce} intercepts these commands as it does its own (Axon runs the root's
 * command handler interceptors for every command the aggregate handles, a member's included).
 */
public final class CourseRoster {

    private final Course course;
    private final Map<TraineeId, Place> places = new LinkedHashMap<>();

    private record Place(String identity, boolean withdrawn) {
    }

    CourseRoster(Course course) {
        this.course = course;
    }

    @CommandHandler
    public long handle(EnrollTrainee command) {
        CourseId id = course.id();
        // bad input (400) before the step's state (409), as the web layer's checks come first
        EnrolmentPolicy.levelGivenForKoica(id, course.program(), command.trainee());
        LifecyclePolicy.require(Step.ENROL, id, course.program(), course.status());
        EnrolmentPolicy.notEnrolledTwice(id, this, command.traineeId(), command.trainee());
        EnrolmentPolicy.capacityNotReached(id, this, course.capacity());
        apply(new TraineeEnrolled(id, command.traineeId(), command.trainee(), enrolled() + 1));
        return Course.version();
    }

    @CommandHandler
    public long handle(WithdrawTrainee command) {
        CourseId id = course.id();
        LifecyclePolicy.require(Step.WITHDRAW, id, course.program(), course.status());
        EnrolmentPolicy.canWithdraw(id, this, command.traineeId());
        apply(new TraineeWithdrawn(id, command.traineeId(), command.reason(), enrolled() - 1));
        return Course.version();
    }

    @EventSourcingHandler
    void on(TraineeEnrolled event) {
        places.put(event.traineeId(), new Place(event.trainee().identity(), false));
    }

    @EventSourcingHandler
    void on(TraineeWithdrawn event) {
        places.computeIfPresent(event.traineeId(), (key, place) -> new Place(place.identity(), true));
    }

    public boolean knows(TraineeId id) {
        return places.containsKey(id);
    }

    public boolean hasWithdrawn(TraineeId id) {
        Place place = places.get(id);
        return place != null && place.withdrawn();
    }

    /** Is this person (not this enrolment) currently on the course? A withdrawn person may come back. */
    public boolean isEnrolled(Trainee trainee) {
        String identity = trainee.identity();
        return places.values().stream().anyMatch(place -> !place.withdrawn() && place.identity().equals(identity));
    }

    public int enrolled() {
        return (int) places.values().stream().filter(place -> !place.withdrawn()).count();
    }

    public List<TraineeId> stillEnrolled() {
        return places.entrySet().stream().filter(entry -> !entry.getValue().withdrawn()).map(Map.Entry::getKey).toList();
    }
}
