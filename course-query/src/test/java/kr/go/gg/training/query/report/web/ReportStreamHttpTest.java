package kr.go.gg.training.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.query.QueryApplicationTest;
import org.junit.jupiter.api.Test;

/** The yearly report as server-sent events. */
class ReportStreamHttpTest extends QueryApplicationTest {

    @Test
    void theStreamSendsTheReportOnConnectAndAgainAfterACourseIsCompleted() throws Exception {
        HttpResponse<Stream<String>> response = connect("/api/reports/yearly-performance/stream?from=2051&to=2051");
        BlockingQueue<String> data = data(response);
        try {
            String first = data.poll(20, TimeUnit.SECONDS);
            assertThat(first).as("the report on connect").isNotNull();
            assertThat(json.readTree(first).get("years")).isEmpty();

            String id = newId();
            CourseId course = new CourseId(id);
            Period period = new Period(LocalDate.of(2051, 4, 6), LocalDate.of(2051, 4, 17));
            append("Course", id, 0, new CourseProposed(course, "Live", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", 10, 2051));
            append("Course", id, 1, new CourseScheduled(course, period));
            append("Course", id, 2, TestEnrolments.plain(course, new TraineeId("p1"), new Trainee("Li", "Jiangsu", "Office", "Clerk", null), 1));
            append("Course", id, 3, TestEnrolments.plain(course, new TraineeId("p2"), new Trainee("Wang", "Jiangsu", "Office", "Clerk", null), 2));
            append("Course", id, 4, new CourseStarted(course, 2));
            append("Course", id, 5, new CourseCompleted(course, Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", period,
                    List.of(new TraineeId("p1"), new TraineeId("p2"))));

            String update = data.poll(20, TimeUnit.SECONDS);
            assertThat(update).as("the report after the course was completed").isNotNull();
            JsonNode years = json.readTree(update).get("years");
            assertThat(years).hasSize(1);
            assertThat(years.get(0).get("year").asInt()).isEqualTo(2051);
            assertThat(years.get(0).get("people").asInt()).isEqualTo(2);
            assertThat(years.get(0).get("groups").get(0).get("rows").get(0).get("courseId").asText()).isEqualTo(id);
        } finally {
            response.body().close();
        }
    }
}
