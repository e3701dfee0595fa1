package kr.go.gg.training.query.course.web;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import kr.go.gg.training.api.course.CourseAtVersion;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummaries;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.course.FindCourses;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.WatchCourse;
import kr.go.gg.training.query.platform.web.EventStreams;
import kr.go.gg.training.query.platform.web.QueryProblems;
import kr.go.gg.training.query.platform.web.ReadYourWrites;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Mono;

/** The course queries of docs/api.md (listing, one course, read-your-writes, stream), through the query bus only. */
@RestController
@Tag(name = QueryApiDocs.COURSES)
public class CourseQueryController {

    private final QueryGateway queries;
    private final EventStreams streams;
    private final ReadYourWrites readYourWrites;
    /** How long a stream waits for its first summary ({@code course.query.min-version-wait}). */
    private final Duration minVersionWait;

    public CourseQueryController(QueryGateway queries, EventStreams streams, ReadYourWrites readYourWrites,
                          @Value("${course.query.min-version-wait:10s}") Duration minVersionWait) {
        this.queries = queries;
        this.streams = streams;
        this.readYourWrites = readYourWrites;
        this.minVersionWait = minVersionWait;
    }

    /** {@code minPosition}: see {@link ReadYourWrites#atPosition}. */
    @Operation(summary = "List the courses", description = "Every parameter is optional")
    @ApiResponse(responseCode = "200", description = "The courses")
    @GetMapping("/api/courses")
    public Mono<List<CourseSummary>> courses(@Parameter(description = "The training year", example = "2016")
                                             @RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) Program program,
                                             @RequestParam(required = false) CourseStatus status,
                                             @Parameter(description = "Answer once the read models hold every event up to this position (a command's X-Event-Position)") @RequestParam(required = false) Long minPosition) {
        if (year != null) {
            QueryProblems.checkYear(year, "year");
        }
        // a record, not multipleInstancesOf: a bare list does not cross Axon Server (CourseSummaries)
        return readYourWrites.atPosition(minPosition,
                () -> queries.query(new FindCourses(year, program, status), instanceOf(CourseSummaries.class)))
                .map(CourseSummaries::courses);
    }

    /** One course (documented with the read-your-writes variant, whose minVersion is optional there). */
    @Operation(hidden = true)
    @GetMapping(path = "/api/courses/{id}", params = "!minVersion")
    public CourseSummary course(@PathVariable String id) {
        CourseSummary found = queries.query(new FindCourse(id), instanceOf(CourseSummary.class)).join();
        if (found == null) {
            throw QueryProblems.notFound("course", id);
        }
        return found;
    }

    /**
     * Read-your-writes: one course once its summary has applied {@code minVersion} (the {@code X-Course-Version} a
     * command answered with), waiting at most {@code course.query.min-version-wait} (10 s) without holding a thread
     * ({@link ReadYourWrites}: 409 for a version never written, 503 when too many wait).
     */
    @Operation(summary = "One course", description = "With minVersion (the X-Course-Version a command answered):"
            + " answered once the read side has applied that version, waiting at most 10 s without holding a thread")
    @ApiResponse(responseCode = "200", description = "The course", headers = @Header(name = "X-Course-Version",
            description = "The version answered (with minVersion)", schema = @Schema(type = "integer", format = "int64")))
    @ApiResponse(responseCode = "404", description = QueryApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "409", description = "minVersion is beyond anything the course has written: the wait"
            + " could never end")
    @ApiResponse(responseCode = "503", description = "The read side has not reached minVersion within the wait, or"
            + " too many requests wait; retry after Retry-After seconds")
    @GetMapping(path = "/api/courses/{id}", params = "minVersion")
    public Mono<ResponseEntity<CourseSummary>> course(@PathVariable String id,
            @Parameter(required = false, description = "Wait until the course has reached this version",
                    schema = @Schema(type = "integer", format = "int64", minimum = "0"), example = "1")
            @RequestParam long minVersion) {
        CourseAtVersion[] last = new CourseAtVersion[1];
        return readYourWrites.await("course", id, minVersion, () -> {
            SubscriptionQueryResult<CourseAtVersion, CourseAtVersion> result = queries.subscriptionQuery(
                    new WatchCourse(id), instanceOf(CourseAtVersion.class), instanceOf(CourseAtVersion.class));
            return result.initialResult().concatWith(result.updates())
                    .doOnNext(seen -> last[0] = seen)
                    .filter(seen -> seen.version() >= minVersion)
                    .next()
                    .doFinally(signal -> EventStreams.once(result::close).run());
        }).map(seen -> ResponseEntity.ok().header("X-Course-Version", Long.toString(seen.version())).body(seen.summary()))
                .switchIfEmpty(Mono.error(() -> last[0] == null ? QueryProblems.notFound("course", id)
                        : QueryProblems.notCaughtUp(id, last[0].version(), minVersion)));
    }

    /** Server-sent events named {@code course}: the summary on connect and after every change (404 unknown). */
    @Operation(summary = "Follow one course", description = "Server-sent events named course: the course on"
            + " connect and after every change")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(mediaType =
            MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string", description = "Events named course,"
            + " each one's data a course as GET /api/courses/{id} answers it")))
    @ApiResponse(responseCode = "404", description = QueryApiDocs.NO_COURSE)
    @ApiResponse(responseCode = "503", description = "Too many streams are open on this node, or the read side"
            + " cannot answer now; retry after Retry-After seconds")
    @GetMapping(path = "/api/courses/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter courseStream(@PathVariable String id) {
        streams.refuseWhenFull();
        SubscriptionQueryResult<CourseAtVersion, CourseAtVersion> result = queries.subscriptionQuery(
                new WatchCourse(id), instanceOf(CourseAtVersion.class), instanceOf(CourseAtVersion.class));
        CourseAtVersion current;
        try {
            current = result.initialResult().block(minVersionWait);
        } catch (RuntimeException e) {
            EventStreams.once(result::close).run(); // Axon Server down: a 503 (QueryProblemAdvice), nothing left open
            throw e;
        }
        if (current == null) {
            result.close();
            throw QueryProblems.notFound("course", id);
        }
        return streams.open(current.summary(), result.updates().map(CourseAtVersion::summary), "course", result::close);
    }
}
