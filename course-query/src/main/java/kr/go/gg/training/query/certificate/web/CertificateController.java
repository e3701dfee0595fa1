package kr.go.gg.training.query.certificate.web;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.enrollment.FindRosterEntry;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.query.platform.web.QueryApiDocs;
import kr.go.gg.training.query.platform.web.QueryProblems;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Certificates of completion (STAFF, ADMIN): one PDF per trainee who took part in a completed course, never for a
 * withdrawn or an erased trainee (docs/privacy.md: an erased name is nobody's to print). Course and trainee come
 * through the query bus; the PDF is written here ({@link CertificatePdf}).
 */
@RestController
@Tag(name = QueryApiDocs.ENROLMENT)
public class CertificateController {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final QueryGateway queries;
    private final CertificatePdf pdf;
    private final Clock clock;

    public CertificateController(QueryGateway queries, @Value("${course.certificate.fonts:}") List<String> fonts,
                                 ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.pdf = new CertificatePdf(CertificateFonts.of(fonts));
        this.clock = clock.getIfAvailable(() -> Clock.system(SEOUL));
    }

    @Operation(summary = "A trainee's certificate of completion", description = "A PDF in Korean and English: name,"
            + " course, programme, partner, training period, issuer (Gyeonggi-do) and a number that stays the same for"
            + " the trainee")
    @ApiResponse(responseCode = "200", description = "The certificate", content = @Content(mediaType =
            MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Signed in, but not as STAFF or ADMIN")
    @ApiResponse(responseCode = "404", description = "No course with this id, or no such trainee in it")
    @ApiResponse(responseCode = "409", description = "The course is not COMPLETED, the trainee withdrew, or the"
            + " trainee's personal data was erased")
    @GetMapping(path = "/api/courses/{id}/trainees/{traineeId}/certificate",
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<byte[]> certificate(@PathVariable String id, @PathVariable String traineeId) {
        CourseSummary course = queries.query(new FindCourse(id), instanceOf(CourseSummary.class)).join();
        if (course == null) {
            throw QueryProblems.notFound("course", id);
        }
        RosterEntry trainee = queries.query(new FindRosterEntry(id, traineeId), instanceOf(RosterEntry.class)).join();
        if (trainee == null) {
            throw QueryProblems.notFound("trainee of course " + id + ",", traineeId);
        }
        refuseUnlessCertified(course, trainee);
        byte[] body = pdf.write(course, traineeId, trainee.name(), LocalDate.now(clock.withZone(SEOUL)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(CertificatePdf.number(course, traineeId) + ".pdf").build().toString())
                .body(body);
    }

    private static void refuseUnlessCertified(CourseSummary course, RosterEntry trainee) {
        if (course.status() != CourseStatus.COMPLETED) {
            throw conflict("Course '" + course.courseId() + "' is " + course.status() + ": certificates are issued once"
                    + " it is COMPLETED");
        }
        if (trainee.erased()) {
            throw conflict("Trainee '" + trainee.traineeId() + "' was erased: no certificate can name them");
        }
        if (trainee.status() != TraineeStatus.PARTICIPATED) {
            throw conflict("Trainee '" + trainee.traineeId() + "' is " + trainee.status() + " in course '"
                    + course.courseId() + "': only a trainee who took part in it receives a certificate");
        }
    }

    private static ResponseStatusException conflict(String detail) {
        return new ResponseStatusException(HttpStatus.CONFLICT, detail);
    }
}
