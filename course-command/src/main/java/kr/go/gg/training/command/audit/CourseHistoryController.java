package kr.go.gg.training.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.command.course.domain.Course;
import kr.go.gg.training.command.course.domain.CourseState;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.command.domain.NotFound;
import kr.go.gg.training.command.platform.web.CommandApiDocs;
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
@Tag(name = CommandApiDocs.AUDIT)
public class CourseHistoryController {

    public record HistoryEntry(long sequence, @Schema(example = "CourseProposed") String type, Instant timestamp,
                               @Schema(type = "object", description = "The event's fields") Object payload,
                               @Schema(type = "object", description = "user, correlationId and what else the command"
                                       + " carried") Map<String, ?> metadata) {
    }

    public record StateAsOf(Instant asOf, long version, CourseAsOf course) {
    }

    private static final String AUDITORS = "Signed in, but not as AUDITOR, ADMIN or STAFF";
    private static final String STORE_DOWN = "The event store cannot be read now; retry after Retry-After seconds";
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
    @Operation(summary = "A course's events", description = "Read from the event store, oldest first, with who sent"
            + " each command and its correlation id (AUDITOR, ADMIN, STAFF)")
    @ApiResponse(responseCode = "200", description = "The events")
    @ApiResponse(responseCode = "403", description = AUDITORS)
    @ApiResponse(responseCode = "404", description = CommandApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "503", description = STORE_DOWN)
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

    @Operation(summary = "A course as it stood at an instant", description = "Folded from its events by the course's"
            + " own rules (AUDITOR, ADMIN, STAFF)")
    @ApiResponse(responseCode = "200", description = "The course at that instant")
    @ApiResponse(responseCode = "403", description = AUDITORS)
    @ApiResponse(responseCode = "404", description = "The course did not exist at that instant")
    @ApiResponse(responseCode = "503", description = STORE_DOWN)
    @GetMapping("/api/courses/{id}/state")
    public StateAsOf state(@PathVariable String id,
                           @Parameter(description = "A UTC instant; now when omitted", example = "2016-06-29T09:00:00Z")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        CourseId courseId = new CourseId(id);
        Instant instant = asOf == null ? Instant.now() : asOf;
        Course course = Course.blank();
        CourseAsOf.Folded folded = new CourseAsOf.Folded();
        long version = -1;
        DomainEventStream stream = eventStore.readEvents(courseId.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!isCourse(event) || event.getTimestamp().isAfter(instant)) {
                break;
            }
            courseModel().publish(event, course);
            folded.see(event.getPayload());
            version = event.getSequenceNumber();
        }
        if (version < 0) {
            throw new NotFound("Course '" + courseId + "' did not exist at " + instant);
        }
        return new StateAsOf(instant, version, folded.of(course.state()));
    }
}
