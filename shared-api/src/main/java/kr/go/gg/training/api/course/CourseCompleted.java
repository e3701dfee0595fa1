package kr.go.gg.training.api.course;

import kr.go.gg.training.api.enrollment.TraineeId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The course is over; every trainee still enrolled counts as a participant. Carries what the yearly report
 * needs (programme, direction, partner, period, headcount) so a reader of history sees it in one place.
 */
@Revision("1")
public record CourseCompleted(CourseId courseId,
                              Program program,
                              Direction direction,
                              String partner,
                              Period period,
                              List<TraineeId> participants) {

    public CourseCompleted {
        participants = List.copyOf(participants);
    }

    public int people() {
        return participants.size();
    }
}
