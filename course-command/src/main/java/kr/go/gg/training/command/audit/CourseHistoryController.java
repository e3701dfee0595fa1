package kr.go.gg.training.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.command.course.domain.Course;
import kr.go.gg.training.command.course.domain.CourseState;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.command.domain.NotFound;
import kr.go.gg.training.command.privacy.DisclosedEnrolment;
import kr.go.gg.training.command.privacy.domain.TraineeKeys;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit paths: a course's events straight from the event store (not a projection), and its state as of an
 * instant, folded by the aggregate's own event sourcing handlers.
 */
@RestController
public class CourseHistoryController {

    public record HistoryEntry(long sequence, String type, Instant timestamp, Object payload, Map<String, ?> metadata) {
    }

    public record StateAsOf(Instant asOf, long version, CourseState course) {
    }

    private static final String COURSE_TYPE = Course.class.getSimpleName();
    private final EventStore eventStore;
    private final ObjectProvider<Configuration> axonConfiguration;
    private final TraineeKeys keys;
    private volatile AggregateModel<Course> courseModel;

    public CourseHistoryController(EventStore eventStore, ObjectProvider<Configuration> axonConfiguration, TraineeKeys keys) {
        this.eventStore = eventStore;
        this.axonConfiguration = axonConfiguration;
        this.keys = keys;
    }

    /**
     * Course's model as Axon's configuration builds it: its command handlers take Spring beans as parameters,
     * which only the configuration's parameter resolvers can resolve. Built on first use, after Axon started.
     */
    private AggregateModel<Course> courseModel() {
        if (courseModel == null) {
            Configuration configuration = axonConfiguration.getObject();
            courseModel = AnnotatedAggregateMetaModelFactory.inspectAggregate(Course.class,
                    configuration.parameterResolverFactory(), configuration.handlerDefinition(Course.class));
        }
        return courseModel;
    }

    /** Oldest first; long streams are paged with {@code fromSequence} and {@code limit}. */
    @GetMapping("/api/courses/{id}/history")
    public List<HistoryEntry> history(@PathVariable String id,
                                      @RequestParam(defaultValue = "0") @Min(0) long fromSequence,
                                      @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
        CourseId courseId = new CourseId(id);
        DomainEventStream stream = eventStore.readEvents(courseId.value(), fromSequence);
        List<HistoryEntry> entries = new ArrayList<>();
        while (stream.hasNext() && entries.size() < limit) {
            DomainEventMessage<?> event = stream.next();
            if (!isCourse(event)) {
                break;
            }
            entries.add(new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(), disclosed(event.getPayload()), event.getMetaData()));
        }
        if (entries.isEmpty() && fromSequence == 0) {
            throw new NotFound("No course '" + courseId + "'");
        }
        return entries;
    }

    /** Personal fields opened on the way out (null once erased), never the sealed form. */
    private Object disclosed(Object payload) {
        return payload instanceof TraineeEnrolled enrolment ? DisclosedEnrolment.of(enrolment, keys.open(enrolment)) : payload;
    }

    /** Agreements share the event store; their ids are no course's. */
    private static boolean isCourse(DomainEventMessage<?> event) {
        return COURSE_TYPE.equals(event.getType());
    }

    @GetMapping("/api/courses/{id}/state")
    public StateAsOf state(@PathVariable String id,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        CourseId courseId = new CourseId(id);
        Instant instant = asOf == null ? Instant.now() : asOf;
        Course course = Course.blank();
        long version = -1;
        DomainEventStream stream = eventStore.readEvents(courseId.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!isCourse(event) || event.getTimestamp().isAfter(instant)) {
                break;
            }
            courseModel().publish(event, course);
            version = event.getSequenceNumber();
        }
        if (version < 0) {
            throw new NotFound("Course '" + courseId + "' did not exist at " + instant);
        }
        return new StateAsOf(instant, version, course.state());
    }
}
