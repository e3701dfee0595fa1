package kr.go.gg.training.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
import kr.go.gg.training.api.course.*;
import kr.go.gg.training.api.privacy.ErasureRecord;
import kr.go.gg.training.api.privacy.Erasures;
import kr.go.gg.training.api.privacy.PersonalData;
import kr.go.gg.training.api.privacy.PersonalDataReport;
import kr.go.gg.training.api.privacy.SealedPersonalData;
import kr.go.gg.training.api.privacy.TraineeErased;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are stored as JSON: every event must come back equal to what was written, ids as plain strings. */
class MessagesSerialiseAsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Object> events() {
        CourseId course = new CourseId("c-1");
        Period period = new Period(LocalDate.of(2016, 6, 29), LocalDate.of(2016, 7, 12));
        TraineeId trainee = new TraineeId("t-1");
        return Stream.of(
                new CourseProposed(course, "Iraq planning", Program.KOICA, Direction.INBOUND, "Iraq", 20, 2016),
                new DemandSurveyRecorded(course, LocalDate.of(2014, 5, 1)),
                new CourseSelected(course, LocalDate.of(2016, 1, 5)),
                new CourseRejected(course, LocalDate.of(2016, 1, 5)),
                new ConsigneeInvitationPublished(course, 1, LocalDate.of(2016, 2, 3)),
                new ConsigneeAwarded(course, LocalDate.of(2016, 3, 10)),
                new ConsigneeNotAwarded(course, LocalDate.of(2016, 3, 10)),
                new CourseScheduled(course, period),
                new TraineeEnrolled(course, trainee, "Iraq", TraineeLevel.HIGH_RANKING,
                        SealedPersonalData.seal(new PersonalData("Ali", "Ministry of Planning", "Director"), SealedPersonalData.newKey(), "t-1"), null, 1),
                new TraineeEnrolled(course, trainee, "Iraq", null, null, new PersonalData("Ali", "Ministry of Planning", "Director"), 1),
                new TraineeErased(course, trainee, Instant.parse("2024-03-01T09:30:00Z"), "retention", "retention period P5Y ended"),
                new TraineeWithdrawn(course, trainee, "visa refused", 0),
                new CourseStarted(course, 1),
                new CourseCompleted(course, Program.KOICA, Direction.INBOUND, "Iraq", period, List.of(trainee)),
                new CourseCancelled(course, "budget cut", CourseStatus.SCHEDULED),
                new HistoricalCourseImported(course, "Shandong Province 2016", Program.CHINA_EXCHANGE, Direction.INBOUND,
                        "Shandong Province", period, 14, "seed"),
                new AgreementRecorded(new AgreementId("a-1"), Province.of("Shandong Province"),
                        AgreementClassification.GENERAL, YearMonth.of(2013, 5)),
                new kr.go.gg.training.api.curriculum.SessionAdded(course, "s-1",
                        kr.go.gg.training.api.curriculum.SessionKind.PRELIMINARY_COURSE, "Before the trip", LocalDate.of(2016, 6, 20)),
                new kr.go.gg.training.api.curriculum.SessionRemoved(course, "s-1", "entered twice"),
                new kr.go.gg.training.api.outbound.OutboundSummaryRecorded("o-1", 2016, 4, 64,
                        List.of(Province.of("Liaoning"), Province.of("Jiangsu"))),
                new kr.go.gg.training.api.cost.CostRecorded(course, "k-1", Program.CHINA_EXCHANGE, Direction.OUTBOUND,
                        "Hebei", 2016, kr.go.gg.training.api.cost.CostCategory.EDUCATION, 3_000_000L,
                        kr.go.gg.training.api.cost.Payer.PARTNER_PROVINCE, null),
                new kr.go.gg.training.api.cost.CostWithdrawn(course, "k-1", 2016, "entered twice"),
                new kr.go.gg.training.api.cost.CommissionRecorded(course, 30_000_000L, LocalDate.of(2016, 9, 30), 2016));
    }

    @ParameterizedTest
    @MethodSource("events")
    void every_event_survives_a_round_trip_through_json(Object event) throws Exception {
        String json = JSON.writeValueAsString(event);

        assertThat(JSON.readValue(json, event.getClass())).isEqualTo(event);
        assertThat(json).doesNotContain("\"value\"");
    }

    /** Queries and their answers cross Axon Server as JSON too (course-query's audit log and course watch included). */
    static Stream<Object> queries() {
        CourseSummary summary = new CourseSummary("c-1", "Iraq planning", Program.KOICA, Direction.INBOUND, "Iraq",
                CourseStatus.SCHEDULED, 20, 1, LocalDate.of(2016, 6, 29), LocalDate.of(2016, 7, 12));
        return Stream.of(
                new FindAuditLog("staff", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2)),
                new FindAuditLog(null, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)),
                new AuditLog(List.of(new AuditEntry(Instant.parse("2024-03-01T09:30:00Z"), "staff", "CourseProposed",
                        "c-1", null, "Course", "c-1", 0L, "corr-1", "e-1"))),
                new WatchCourse("c-1"),
                new Erasures(List.of(new ErasureRecord("c-1", "t-1", Instant.parse("2024-03-01T09:30:00Z"), "admin", "asked"))),
                new PersonalDataReport("c-1", "t-1", null, "Iraq", null, null, TraineeLevel.MID_LEVEL, TraineeStatus.WITHDRAWN,
                        Instant.parse("2024-03-01T09:30:00Z"), Instant.parse("2024-03-02T09:30:00Z"), true,
                        new ErasureRecord("c-1", "t-1", Instant.parse("2024-03-03T09:30:00Z"), "admin", "asked")),
                new CourseAtVersion(summary, 3),
                new CourseAtVersion(summary.withSessions(List.of(new kr.go.gg.training.api.curriculum.CourseSession("s-1",
                        kr.go.gg.training.api.curriculum.SessionKind.LECTURE, "Planning", LocalDate.of(2016, 6, 30)))), 4),
                new FindKoicaPipeline(2016, LocalDate.of(2016, 2, 11)),
                new KoicaPipeline(java.util.Map.of(CourseStatus.SELECTED, List.of(PipelineCourse.of(summary,
                        NextStep.PUBLISH_CONSIGNEE_INVITATION, LocalDate.of(2016, 2, 10), true)))),
                new CourseAtVersion(null, 0),
                new CourseAtVersion(new CourseSummary("c-1", "Iraq planning", Program.KOICA, Direction.INBOUND, "Iraq",
                        CourseStatus.SCHEDULED, 20, 1, LocalDate.of(2016, 6, 29), LocalDate.of(2016, 7, 12), List.of(),
                        List.of(new kr.go.gg.training.api.cost.CourseCost("k-1", kr.go.gg.training.api.cost.CostCategory.OTHER,
                                1L, kr.go.gg.training.api.cost.Payer.KOICA, "insurance")),
                        new kr.go.gg.training.api.cost.CourseCommission(5L, LocalDate.of(2016, 9, 30))), 4),
                new kr.go.gg.training.api.cost.FindCostReport(2016),
                new kr.go.gg.training.api.enrollment.FindRosterEntry("c-1", "t-1"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void every_query_and_answer_survives_a_round_trip_through_json(Object message) throws Exception {
        String json = JSON.writeValueAsString(message);

        assertThat(JSON.readValue(json, message.getClass())).isEqualTo(message);
    }
}
