package kr.go.gg.training.query.course.projection;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.course.ConsigneeAwarded;
import kr.go.gg.training.api.course.ConsigneeInvitationPublished;
import kr.go.gg.training.api.course.ConsigneeNotAwarded;
import kr.go.gg.training.api.course.CourseCancelled;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseRejected;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.CourseSelected;
import kr.go.gg.training.api.course.CourseStarted;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.DemandSurveyRecorded;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;

/**
 * Folds a course's events into one summary document ({@code _id} = course id) and files a copy of it as a row of its
 * year ({@link CourseDocuments#row}: {@code _id} = {@code "<year>:<courseId>"}), so a query by year reads one
 * {@code _id} prefix and an update writes one small document, whatever the number of courses a year.
 * Shared by the course summaries and the KOICA pipeline board, which differ in which courses they list.
 * <p>
 * Idempotent: the summary keeps {@code version}, the aggregate sequence number of the last event applied,
 * and an event at or below it is skipped; the listing is always a copy of the summary.
 * <p>
 * The year of a course: the year its training starts; before it is scheduled, the proposal's
 * {@code trainingYear}; else the year of the latest KOICA decision (selection, invitation, consignee
 * selection: all in the training year); else the demand survey's year + 2 (surveys run the year before
 * last); else the year the course was proposed (Asia/Seoul), so every course is listed somewhere.
 * <p>
 * Layout 2 (issue 17): the rows replaced layout 1's one document per year holding every course of it (a map keyed by
 * course id, dates as text), whose every update cost the size of the year; the reset drops that former collection.
 */
public abstract class CourseListingProjection {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    protected final BatchedCollection courses;
    protected final BatchedCollection rows;
    /** Layout 1's per-year listings, dropped by the reset (the rebuild on upgrade). */
    private final MongoCollection<Document> former;

    protected CourseListingProjection(BatchedCollection courses, BatchedCollection rows, MongoCollection<Document> former) {
        this.courses = courses;
        this.rows = rows;
        this.former = former;
    }

    /** Whether the course belongs in the per-year listing. */
    protected abstract boolean listed(Document course);

    /** Called with the summary after each event applied to it (in the batch's unit of work). */
    protected void applied(Document course) {
    }

    /** Creates the indexes of the collections (again after a reset has dropped them). */
    protected void createIndexes() {
    }

    @EventHandler
    void on(CourseProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        create(e.courseId(), seq, d -> {
            d.put("title", e.title());
            d.put("program", e.program().name());
            d.put("direction", e.direction().name());
            d.put("partner", e.partner());
            d.put("status", CourseStatus.PROPOSED.name());
            d.put("capacity", e.capacity());
            d.put("enrolled", 0);
            d.put("trainingYear", e.trainingYear());
            d.put("proposedYear", at.atZone(SEOUL).getYear());
        });
    }

    @EventHandler
    void on(DemandSurveyRecorded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> {
            d.put("status", CourseStatus.DEMAND_SURVEYED.name());
            d.put("surveyYear", e.surveyedOn().getYear());
        });
    }

    @EventHandler
    void on(CourseSelected e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, decided(CourseStatus.SELECTED, e.decidedOn()));
    }

    @EventHandler
    void on(CourseRejected e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, decided(CourseStatus.REJECTED, e.decidedOn()));
    }

    @EventHandler
    void on(ConsigneeInvitationPublished e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, decided(CourseStatus.INVITATION_PUBLISHED, e.publishedOn()));
    }

    @EventHandler
    void on(ConsigneeAwarded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, decided(CourseStatus.CONSIGNEE_AWARDED, e.decidedOn()));
    }

    @EventHandler
    void on(ConsigneeNotAwarded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, decided(CourseStatus.NOT_AWARDED, e.decidedOn()));
    }

    @EventHandler
    void on(CourseScheduled e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> {
            d.put("status", CourseStatus.SCHEDULED.name());
            period(d, e.period());
        });
    }

    @EventHandler
    void on(TraineeEnrolled e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> d.put("enrolled", e.enrolled()));
    }

    @EventHandler
    void on(TraineeWithdrawn e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> d.put("enrolled", e.enrolled()));
    }

    @EventHandler
    void on(CourseStarted e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> {
            d.put("status", CourseStatus.IN_PROGRESS.name());
            d.put("enrolled", e.enrolled());
        });
    }

    @EventHandler
    void on(CourseCompleted e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> {
            d.put("status", CourseStatus.COMPLETED.name());
            d.put("enrolled", e.people());
            period(d, e.period());
        });
    }

    @EventHandler
    void on(CourseCancelled e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> d.put("status", CourseStatus.CANCELLED.name()));
    }

    /** The standing costs, in the order recorded (a course holds at most a few hundred: the command side's bound). */
    @EventHandler
    void on(CostRecorded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> {
            List<Document> costs = new ArrayList<>(d.getList("costs", Document.class, List.of()));
            costs.add(new Document("costId", e.costId()).append("category", e.category().name())
                    .append("amount", e.amount()).append("paidBy", e.paidBy().name()).append("note", e.note()));
            d.put("costs", costs);
        });
    }

    @EventHandler
    void on(CostWithdrawn e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> d.put("costs", d.getList("costs", Document.class, List.of()).stream()
                .filter(cost -> !e.costId().equals(cost.getString("costId"))).toList()));
    }

    @EventHandler
    void on(CommissionRecorded e, @SequenceNumber long seq) {
        apply(e.courseId(), seq, d -> d.put("commission", new Document("amount", e.amount())
                .append("receivedOn", e.receivedOn().toString())));
    }

    /** A course of the printed record: completed, with its headcount as both capacity and enrolment. */
    @EventHandler
    void on(HistoricalCourseImported e, @SequenceNumber long seq) {
        create(e.courseId(), seq, d -> {
            d.put("title", e.title() != null ? e.title() : e.partner() + " " + e.period().startDate());
            d.put("program", e.program().name());
            d.put("direction", e.direction().name());
            d.put("partner", e.partner());
            d.put("status", CourseStatus.COMPLETED.name());
            d.put("capacity", e.people());
            d.put("enrolled", e.people());
            period(d, e.period());
        });
    }

    @ResetHandler
    void reset() {
        courses.drop();
        rows.drop();
        BatchedCollection.dropIfWritten(former);
        createIndexes();
    }

    private static Consumer<Document> decided(CourseStatus status, LocalDate on) {
        return d -> {
            d.put("status", status.name());
            d.put("decisionYear", on.getYear());
        };
    }

    private static void period(Document d, Period period) {
        d.put("startDate", period.startDate().toString());
        d.put("endDate", period.endDate().toString());
    }

    private void create(CourseId courseId, long seq, Consumer<Document> change) {
        apply(courseId, seq, change, true);
    }

    /** Folds one more event of a course onto its summary (skipped when delivered before). */
    protected void apply(CourseId courseId, long seq, Consumer<Document> change) {
        apply(courseId, seq, change, false);
    }

    private void apply(CourseId courseId, long seq, Consumer<Document> change, boolean creates) {
        String id = courseId.value();
        // the stream's first event starts the fold afresh (no read: see BatchedCollection.startNew)
        Document course = creates && seq == 0 ? courses.startNew(id) : courses.findOrNew(id);
        Long version = course.getLong("version");
        if (version != null && seq <= version) {
            return; // delivered before (replayed batch, restored token)
        }
        if (version == null && !creates) {
            return; // a course's stream starts with its proposal or import; nothing to fold onto
        }
        Integer oldYear = course.getInteger("year");
        change.accept(course);
        course.put("version", seq);
        Integer year = yearOf(course);
        course.put("year", year);
        courses.save(course);

        if (listed(course)) { // the programme never changes: listed in every year or in none
            if (oldYear != null && !oldYear.equals(year)) {
                rows.delete(CourseDocuments.rowId(oldYear, id));
            }
            if (year != null) {
                rows.save(CourseDocuments.row(course, year)); // a row's events are one course's: written whole
            }
        }
        applied(course);
    }

    static Integer yearOf(Document course) {
        String start = course.getString("startDate");
        if (start != null) {
            return LocalDate.parse(start).getYear();
        }
        if (course.getInteger("trainingYear") != null) {
            return course.getInteger("trainingYear");
        }
        if (course.getInteger("decisionYear") != null) {
            return course.getInteger("decisionYear");
        }
        Integer survey = course.getInteger("surveyYear");
        return survey != null ? Integer.valueOf(survey + 2) : course.getInteger("proposedYear");
    }
}
