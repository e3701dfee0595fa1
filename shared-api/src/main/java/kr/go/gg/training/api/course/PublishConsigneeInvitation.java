package kr.go.gg.training.api.course;

import kr.go.gg.training.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** KOICA stage 3: the public invitation of consignees, by quarter. */
public record PublishConsigneeInvitation(@TargetAggregateIdentifier CourseId courseId, int quarter, LocalDate publishedOn) {

    public PublishConsigneeInvitation {
        Require.present(courseId, "courseId");
        Require.between(quarter, 1, 4, "quarter");
        Require.date(publishedOn, "publishedOn");
    }
}
