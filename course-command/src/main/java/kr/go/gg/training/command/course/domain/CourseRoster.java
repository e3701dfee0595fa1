package kr.go.gg.training.command.course.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeId;

/** The trainees of one course as the aggregate needs them: who is enrolled, who withdrew (in enrolment order). */
public final class CourseRoster {

    private final Map<TraineeId, Place> places = new LinkedHashMap<>();

    private record Place(String identity, boolean withdrawn) {
    }

    public void enrol(TraineeId id, Trainee trainee) {
        places.put(id, new Place(trainee.identity(), false));
    }

    public void withdraw(TraineeId id) {
        places.computeIfPresent(id, (key, place) -> new Place(place.identity(), true));
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
