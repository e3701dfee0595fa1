package kr.go.gg.training.query.course.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kr.go.gg.training.api.course.CourseAtVersion;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.FindCourse;
import kr.go.gg.training.api.course.FindCourses;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.WatchCourse;
import kr.go.gg.training.api.curriculum.CourseSession;
import kr.go.gg.training.api.curriculum.SessionAdded;
import kr.go.gg.training.api.curriculum.SessionKind;
import kr.go.gg.training.api.curriculum.SessionRemoved;
import kr.go.gg.training.query.MongoProjectionTest;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A course's curriculum in its summary, on the wire server: by date, corrected by removals, never in the lists. */
class CurriculumProjectionTest extends MongoProjectionTest {

    private static final CourseId C = new CourseId("c");
    private CourseSummaryProjection projection;

    @BeforeEach
    void setUp() {
        projection = new CourseSummaryProjection(database, SimpleQueryUpdateEmitter.builder().build());
        deliver(projection,
                event("c", new CourseProposed(C, "To Jiangsu", Program.CHINA_EXCHANGE, Direction.OUTBOUND, "Jiangsu", 16, 2027)),
                event("c", new CourseScheduled(C, period("2027-06-07", "2027-06-18"))));
    }

    private static SessionAdded added(String id, SessionKind kind, String date) {
        return new SessionAdded(C, id, kind, "Title " + id, LocalDate.parse(date));
    }

    private List<String> sessions() {
        return projection.handle(new FindCourse("c")).sessions().stream().map(CourseSession::sessionId).toList();
    }

    @Test
    void the_course_shows_its_sessions_in_date_order_and_one_days_sessions_in_the_order_added() {
        deliver(projection,
                event("c", added("post", SessionKind.POST_COURSE, "2027-06-25")),
                event("c", added("lecture", SessionKind.LECTURE, "2027-06-08")),
                event("c", added("visit", SessionKind.CULTURAL_VISIT, "2027-06-08")),
                event("c", added("pre", SessionKind.PRELIMINARY_COURSE, "2027-05-30")));

        assertThat(sessions()).containsExactly("pre", "lecture", "visit", "post");
        CourseSession first = projection.handle(new FindCourse("c")).sessions().get(0);
        assertThat(first).isEqualTo(new CourseSession("pre", SessionKind.PRELIMINARY_COURSE, "Title pre",
                LocalDate.parse("2027-05-30")));
    }

    @Test
    void a_removed_session_leaves_the_course_and_the_courses_version_follows_every_curriculum_event() {
        deliver(projection, event("c", added("a", SessionKind.LECTURE, "2027-06-08")),
                event("c", added("b", SessionKind.SEMINAR, "2027-06-09")),
                event("c", new SessionRemoved(C, "a", "entered twice")));

        assertThat(sessions()).containsExactly("b");
        CourseAtVersion watched = projection.handle(new WatchCourse("c"));
        assertThat(watched.version()).isEqualTo(4L); // read-your-writes waits for the removal's version
        assertThat(watched.summary().sessions()).extracting(CourseSession::sessionId).containsExactly("b");
    }

    @Test
    void a_course_without_sessions_shows_an_empty_curriculum_and_the_lists_show_none() {
        assertThat(projection.handle(new FindCourse("c")).sessions()).isEmpty();
        deliver(projection, event("c", added("a", SessionKind.LECTURE, "2027-06-08")));

        assertThat(projection.handle(new FindCourses(2027, null, null)).courses()).extracting(CourseSummary::sessions)
                .containsOnlyNulls();
        assertThat(projection.handle(new FindCourses(null, null, null)).courses()).extracting(CourseSummary::sessions)
                .containsOnlyNulls();
    }

    @Test
    void duplicate_delivery_and_replay_leave_the_same_curriculum() {
        deliver(projection, event("c", added("a", SessionKind.LECTURE, "2027-06-08")),
                event("c", new SessionRemoved(C, "a", "typo")), event("c", added("b", SessionKind.LECTURE, "2027-06-08")));
        var once = documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS);
        deliver(projection, stream);
        assertThat(documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS)).isEqualTo(once);
        replay(projection, 2);
        assertThat(documents(CourseSummaryProjection.SUMMARIES, CourseSummaryProjection.ROWS)).isEqualTo(once);
    }
}
