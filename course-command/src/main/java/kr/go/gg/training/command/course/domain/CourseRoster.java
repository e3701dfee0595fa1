package kr.go.gg.training.command.course.domain;

import java.time.Instant;
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
import kr.go.gg.training.api.privacy.EraseTrainee;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.command.privacy.domain.ErasurePolicy;
import kr.go.gg.training.command.privacy.domain.TraineeKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The trainees of one course: who is enrolled, who withdrew, who was erased (in enrolment order). An aggregate
 * member of {@link Course} that handles enrolment, withdrawal and erasure and folds their events; the rules are
 * {@link EnrolmentPolicy}'s and {@link ErasurePolicy}'s, the course's state is asked of the course (its lifecycle
 * decides whether the step is allowed at all). Course's {@code answerOnce} intercepts these commands as it does its
 * own (Axon runs the root's command handler interceptors for every command the aggregate handles, a member's
 * included). Personal fields reach the events only sealed with the trainee's key ({@link TraineeKeys}).
 */
public final class CourseRoster {

    private final Course course;
    private final Map<TraineeId, Place> places = new LinkedHashMap<>();

    /** {@code identity}: null once erased (or its key is lost): an erased person is nobody the roster can recognise. */
    private record Place(String identity, boolean withdrawn, boolean erased) {
    }

    CourseRoster(Course course) {
        this.course = course;
    }

    @CommandHandler
    public long handle(EnrollTrainee command, TraineeKeys keys) {
        CourseId id = course.id();
        Trainee trainee = command.trainee();
        // bad input (400) before the step's state (409), as the web layer's checks come first
        EnrolmentPolicy.levelGivenForKoica(id, course.program(), trainee);
        LifecyclePolicy.require(Step.ENROL, id, course.program(), course.status());
        EnrolmentPolicy.notEnrolledTwice(id, this, command.traineeId(), trainee);
        EnrolmentPolicy.capacityNotReached(id, this, course.capacity());
        PersonalData personal = new PersonalData(trainee.name(), trainee.organization(), trainee.position());
        apply(new TraineeEnrolled(id, command.traineeId(), trainee.country(), trainee.level(),
                keys.seal(id, command.traineeId(), personal), null, enrolled() + 1));
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

    /**
     * Allowed in every state of the course; a trainee erased before is answered as the first time, with nothing
     * appended (the destruction log keeps the first erasure; two nodes' retention jobs may race for one trainee).
     */
    @CommandHandler
    public long handle(EraseTrainee command, TraineeKeys keys) {
        CourseId id = course.id();
        ErasurePolicy.traineeKnown(id, knows(command.traineeId()), command.traineeId());
        if (places.get(command.traineeId()).erased()) {
            return Course.version();
        }
        Instant now = Instant.now();
        keys.destroy(id, command.traineeId(), now);
        apply(new TraineeErased(id, command.traineeId(), now, command.by(), command.reason()));
        return Course.version();
    }

    @EventSourcingHandler
    void on(TraineeEnrolled event, TraineeKeys keys) {
        String identity = keys.open(event)
                .map(personal -> Trainee.identity(personal.name(), event.country(), personal.organization()))
                .orElse(null);
        places.put(event.traineeId(), new Place(identity, false, false));
    }

    @EventSourcingHandler
    void on(TraineeWithdrawn event) {
        places.computeIfPresent(event.traineeId(), (key, place) -> new Place(place.identity(), true, place.erased()));
    }

    @EventSourcingHandler
    void on(TraineeErased event) {
        places.computeIfPresent(event.traineeId(), (key, place) -> new Place(null, place.withdrawn(), true));
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
        return places.values().stream().anyMatch(place -> !place.withdrawn() && identity.equals(place.identity()));
    }

    public int enrolled() {
        return (int) places.values().stream().filter(place -> !place.withdrawn()).count();
    }

    public List<TraineeId> stillEnrolled() {
        return places.entrySet().stream().filter(entry -> !entry.getValue().withdrawn()).map(Map.Entry::getKey).toList();
    }
}
