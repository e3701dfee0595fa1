package kr.go.gg.training.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;

import io.axoniq.axonserver.grpc.query.QueryResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementView;
import kr.go.gg.training.api.agreement.Agreements;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.course.CourseAtVersion;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummaries;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.KoicaPipeline;
import kr.go.gg.training.api.course.NextStep;
import kr.go.gg.training.api.course.PipelineCourse;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Roster;
import kr.go.gg.training.api.enrollment.RosterEntry;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeStatus;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Every answer of the query side as it crosses Axon Server: serialised by the answering node with the application's
 * own messages serializer (Jackson) into the gRPC response, and read back by the asking node for the response type
 * it asked with, through Axon Server's own {@link QuerySerializer}. No Axon Server is needed for that.
 */
class AnswersCrossAxonServerTest extends QueryApplicationTest {

    private static final CourseSummary COURSE = new CourseSummary("c1", "Smart city", Program.KOICA, Direction.INBOUND,
            "Peru", CourseStatus.SCHEDULED, 20, 3, LocalDate.of(2041, 5, 4), LocalDate.of(2041, 5, 15));

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    private <R> R acrossAxonServer(Object answer, ResponseType<R> askedFor) {
        QuerySerializer wire = new QuerySerializer(messageSerializer, serializer, AxonServerConfiguration.builder().build());
        QueryResponse sent = wire.serializeResponse(GenericQueryResponseMessage.asResponseMessage(answer), "request-1");
        return wire.deserializeResponse(sent, askedFor).getPayload();
    }

    @Test
    void aBareListAnsweredForMultipleInstancesDoesNotCrossAxonServer() {
        // the shape the list queries had: why they answer records now
        assertThatThrownBy(() -> acrossAxonServer(List.of(COURSE), multipleInstancesOf(CourseSummary.class)))
                .hasMessageContaining("not convertible");
    }

    @Test
    void theCourseListCrossesAxonServerAsARecord() {
        CourseSummaries courses = new CourseSummaries(List.of(COURSE, COURSE));

        assertThat(acrossAxonServer(courses, instanceOf(CourseSummaries.class))).isEqualTo(courses);
        assertThat(acrossAxonServer(new CourseSummaries(List.of()), instanceOf(CourseSummaries.class)).courses()).isEmpty();
    }

    @Test
    void theAgreementsCrossAxonServerAsARecord() {
        Agreements agreements = new Agreements(List.of(new AgreementView("a1", "Shandong",
                AgreementClassification.GENERAL, YearMonth.of(2013, 5), true)));

        assertThat(acrossAxonServer(agreements, instanceOf(Agreements.class))).isEqualTo(agreements);
    }

    @Test
    void theAuditLogCrossesAxonServerAsARecord() {
        AuditLog log = new AuditLog(List.of(new AuditEntry(Instant.parse("2024-03-01T09:00:00Z"), "staff",
                "CourseProposed", "c1", null, "Course", "c1", 0L, "corr-1", "e1")));

        assertThat(acrossAxonServer(log, instanceOf(AuditLog.class))).isEqualTo(log);
    }

    @Test
    void theOtherAnswersAndSubscriptionUpdatesCrossAxonServerToo() {
        Roster roster = new Roster("c1", List.of(new RosterEntry("t1", "Sita", "Nepal", "Ministry", "Officer",
                TraineeLevel.MID_LEVEL, TraineeStatus.ENROLLED, false)));
        KoicaPipeline pipeline = new KoicaPipeline(Map.of(CourseStatus.SCHEDULED, List.of(PipelineCourse.of(COURSE,
                NextStep.START, LocalDate.of(2041, 5, 4), true))));
        YearlyPerformanceReport report = new YearlyPerformanceReport(List.of(new YearlyPerformanceReport.Year(2041, 1, 3,
                List.of(new YearlyPerformanceReport.Group(Program.KOICA, "Developing Countries", "KOICA Cost Sharing", 1, 3,
                        List.of(new YearlyPerformanceReport.Row("c1", "Peru", LocalDate.of(2041, 5, 4),
                                LocalDate.of(2041, 5, 15), 3)))),
                new YearlyPerformanceReport.Count(0, 0))));
        CourseAtVersion atVersion = new CourseAtVersion(COURSE, 7);

        assertThat(acrossAxonServer(roster, instanceOf(Roster.class))).isEqualTo(roster);
        assertThat(acrossAxonServer(pipeline, instanceOf(KoicaPipeline.class))).isEqualTo(pipeline);
        assertThat(acrossAxonServer(report, instanceOf(YearlyPerformanceReport.class))).isEqualTo(report);
        assertThat(acrossAxonServer(atVersion, instanceOf(CourseAtVersion.class))).isEqualTo(atVersion);
        assertThat(acrossAxonServer(COURSE, instanceOf(CourseSummary.class))).isEqualTo(COURSE);
        CourseSummary withCurriculum = COURSE.withSessions(List.of(new kr.go.gg.training.api.curriculum.CourseSession("s1",
                kr.go.gg.training.api.curriculum.SessionKind.LECTURE, "Smart city policy", LocalDate.of(2041, 5, 5))));
        assertThat(acrossAxonServer(new CourseAtVersion(withCurriculum, 8), instanceOf(CourseAtVersion.class)).summary())
                .isEqualTo(withCurriculum);
    }

    @Test
    void theMoneyAnswersAndTheCertificatesTraineeCrossAxonServer() {
        kr.go.gg.training.api.cost.CostReport costs = new kr.go.gg.training.api.cost.CostReport(2041,
                List.of(new kr.go.gg.training.api.cost.CostReport.Line(Program.KOICA, Direction.INBOUND,
                        kr.go.gg.training.api.cost.CostCategory.EDUCATION, kr.go.gg.training.api.cost.Payer.KOICA, 5L)),
                30_000_000L, List.of(new kr.go.gg.training.api.cost.CostReport.Reciprocity("Hebei", 2041, 1L, 2L)));
        CourseSummary detail = new CourseSummary("c1", "Smart city", Program.KOICA, Direction.INBOUND, "Peru",
                CourseStatus.SCHEDULED, 20, 3, LocalDate.of(2041, 5, 4), LocalDate.of(2041, 5, 15), List.of(),
                List.of(new kr.go.gg.training.api.cost.CourseCost("k1", kr.go.gg.training.api.cost.CostCategory.AIRFARE,
                        9L, kr.go.gg.training.api.cost.Payer.KOICA, null)),
                new kr.go.gg.training.api.cost.CourseCommission(30L, LocalDate.of(2041, 6, 1)));
        RosterEntry entry = new RosterEntry("t1", "Sita", "Nepal", "Ministry", "Officer", TraineeLevel.MID_LEVEL,
                TraineeStatus.PARTICIPATED, false);

        assertThat(acrossAxonServer(costs, instanceOf(kr.go.gg.training.api.cost.CostReport.class))).isEqualTo(costs);
        assertThat(acrossAxonServer(detail, instanceOf(CourseSummary.class))).isEqualTo(detail);
        assertThat(acrossAxonServer(entry, instanceOf(RosterEntry.class))).isEqualTo(entry);
    }
}
