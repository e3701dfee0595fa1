package kr.go.gg.training.api.course;

import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.Require;
import kr.go.gg.training.api.agreement.Province;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Proposes a course. {@code trainingYear} is optional: the year the course is meant to run, which places
 * a KOICA course on the pipeline board before it has a training period.
 */
public record ProposeCourse(@TargetAggregateIdentifier CourseId courseId,
                            String title,
                            Program program,
                            Direction direction,
                            String partner,
                            int capacity,
                            Integer trainingYear) {

    public static final int MAX_CAPACITY = 500;

    public ProposeCourse {
        Require.present(courseId, "courseId");
        title = Require.text(title, "title");
        Require.present(program, "program");
        Require.present(direction, "direction");
        partner = Require.text(partner, "partner");
        if (program == Program.CHINA_EXCHANGE) {
            Province.listed(partner, "partner"); // the partner of a China exchange is a province
        }
        Require.between(capacity, 1, MAX_CAPACITY, "capacity");
        if (trainingYear != null) {
            Require.between(trainingYear, Require.EARLIEST.getYear(), Require.LATEST.getYear(), "trainingYear");
        }
        if (program == Program.KOICA && direction == Direction.OUTBOUND) {
            throw new InvalidValueException("direction", "must be INBOUND for a KOICA course: KOICA invites officials to Korea");
        }
    }
}
