package kr.go.gg.training.bench.baseline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import kr.go.gg.training.api.course.CompleteCourse;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.course.PublishConsigneeInvitation;
import kr.go.gg.training.api.course.RecordConsigneeSelection;
import kr.go.gg.training.api.course.RecordCourseSelection;
import kr.go.gg.training.api.course.RecordDemandSurvey;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import org.bson.Document;


/**
 * The peer: the same workload as a plain CRUD service would do it with the MongoDB driver against the same wire
 * server. Per command: read the course document by {@code _id}, check the same rules as the aggregate (state
 * machine, stage dates in order, capacity, nobody twice, level for KOICA), write the whole document back.
 * No events, no history, no read models beside it.
 */
public final class CrudPeer {

    public static final String COLLECTION = "bench_crud_courses";

    private final MongoCollection<Document> courses;

    public CrudPeer(MongoDatabase database) {
        this.courses = database.getCollection(COLLECTION);
    }

    public void drop() {
        courses.drop();
    }

    public long count() {
        return courses.countDocuments();
    }

    /** A refused step, as the aggregate refuses it. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    enum Step { SURVEY, SELECTION, INVITATION, CONSIGNEE, SCHEDULE, ENROL, START, COMPLETE }

    static Set<Step> allowed(Program program, CourseStatus status) {
        return switch (status) {
            case PROPOSED -> program == Program.KOICA ? EnumSet.of(Step.SURVEY) : EnumSet.of(Step.SCHEDULE);
            case DEMAND_SURVEYED -> EnumSet.of(Step.SELECTION);
            case SELECTED -> EnumSet.of(Step.INVITATION);
            case INVITATION_PUBLISHED -> EnumSet.of(Step.CONSIGNEE);
            case CONSIGNEE_AWARDED -> EnumSet.of(Step.SCHEDULE);
            case SCHEDULED -> EnumSet.of(Step.SCHEDULE, Step.ENROL, Step.START);
            case IN_PROGRESS -> EnumSet.of(Step.COMPLETE);
            default -> EnumSet.noneOf(Step.class);
        };
    }

    /** What one kind of command does to the course document once its step is allowed. */
    @FunctionalInterface
    private interface Change<C> {
        void apply(Document course, Program program, C command);
    }

    /** One kind of command: the step it takes, where its course id is, and its change. */
    private record Rule<C>(Class<C> type, Step step, Function<C, CourseId> courseId, Change<C> change) {

        CourseId courseIdOf(Object command) {
            return courseId.apply(type.cast(command));
        }

        void apply(Document course, Program program, Object command) {
            change.apply(course, program, type.cast(command));
        }
    }

    /** Every command of a course after its proposal, by class. */
    private static final Map<Class<?>, Rule<?>> RULES = Stream.of(
            new Rule<>(RecordDemandSurvey.class, Step.SURVEY, RecordDemandSurvey::courseId,
                    (course, program, c) -> stage(course, c.surveyedOn(), CourseStatus.DEMAND_SURVEYED)),
            new Rule<>(RecordCourseSelection.class, Step.SELECTION, RecordCourseSelection::courseId,
                    (course, program, c) -> stage(course, c.decidedOn(),
                            c.selected() ? CourseStatus.SELECTED : CourseStatus.REJECTED)),
            new Rule<>(PublishConsigneeInvitation.class, Step.INVITATION, PublishConsigneeInvitation::courseId,
                    (course, program, c) -> {
                        stage(course, c.publishedOn(), CourseStatus.INVITATION_PUBLISHED);
                        course.put("quarter", c.quarter());
                    }),
            new Rule<>(RecordConsigneeSelection.class, Step.CONSIGNEE, RecordConsigneeSelection::courseId,
                    (course, program, c) -> stage(course, c.decidedOn(),
                            c.awarded() ? CourseStatus.CONSIGNEE_AWARDED : CourseStatus.NOT_AWARDED)),
            new Rule<>(ScheduleCourse.class, Step.SCHEDULE, ScheduleCourse::courseId, (course, program, c) -> {
                course.put("startDate", c.period().startDate().toString());
                course.put("endDate", c.period().endDate().toString());
                course.put("status", CourseStatus.SCHEDULED.name());
            }),
            new Rule<>(EnrollTrainee.class, Step.ENROL, EnrollTrainee::courseId, CrudPeer::enrol),
            new Rule<>(StartCourse.class, Step.START, StartCourse::courseId,
                    (course, program, c) -> course.put("status", CourseStatus.IN_PROGRESS.name())),
            new Rule<>(CompleteCourse.class, Step.COMPLETE, CompleteCourse::courseId,
                    (course, program, c) -> complete(course)))
            .collect(Collectors.toUnmodifiableMap(Rule::type, rule -> rule));

    /** Handles one command of {@link kr.go.gg.training.bench.workload.CoursePlan}. */
    public void handle(Object command) {
        if (command instanceof ProposeCourse c) {
            propose(c);
            return;
        }
        Rule<?> rule = RULES.get(command.getClass());
        if (rule == null) {
            throw new IllegalArgumentException("the CRUD peer does not know " + command.getClass());
        }
        CourseId id = rule.courseIdOf(command);
        Document course = courses.find(Filters.eq("_id", id.value())).first();
        if (course == null) {
            throw new Refused("no course " + id);
        }
        Program program = Program.valueOf(course.getString("program"));
        require(rule.step(), program, CourseStatus.valueOf(course.getString("status")), id);
        rule.apply(course, program, command);
        course.put("version", course.getInteger("version") + 1);
        courses.replaceOne(Filters.eq("_id", id.value()), course);
    }

    private void propose(ProposeCourse c) {
        if (courses.find(Filters.eq("_id", c.courseId().value())).first() != null) {
            throw new Refused("course " + c.courseId() + " exists");
        }
        Document course = new Document("_id", c.courseId().value())
                .append("title", c.title())
                .append("program", c.program().name())
                .append("direction", c.direction().name())
                .append("partner", c.partner())
                .append("capacity", c.capacity())
                .append("trainingYear", c.trainingYear())
                .append("status", CourseStatus.PROPOSED.name())
                .append("stageDate", null)
                .append("trainees", new ArrayList<Document>())
                .append("version", 0);
        courses.insertOne(course);
    }

    private static void require(Step step, Program program, CourseStatus status, CourseId id) {
        if (!allowed(program, status).contains(step)) {
            throw new Refused("Course '" + id + "' is " + status + "; cannot " + step + "; allowed now: "
                    + allowed(program, status));
        }
    }

    private static void stage(Document course, LocalDate date, CourseStatus next) {
        String previous = course.getString("stageDate");
        if (previous != null && date.isBefore(LocalDate.parse(previous))) {
            throw new Refused("stage date " + date + " precedes " + previous);
        }
        course.put("stageDate", date.toString());
        course.put("status", next.name());
    }

    private static void complete(Document course) {
        List<String> participants = new ArrayList<>();
        for (Document trainee : course.getList("trainees", Document.class)) {
            if (!trainee.getBoolean("withdrawn")) {
                participants.add(trainee.getString("traineeId"));
            }
        }
        course.put("participants", participants);
        course.put("status", CourseStatus.COMPLETED.name());
    }

    private static void enrol(Document course, Program program, EnrollTrainee c) {
        List<Document> trainees = course.getList("trainees", Document.class);
        int enrolled = 0;
        String identity = c.trainee().identity();
        for (Document trainee : trainees) {
            if (!trainee.getBoolean("withdrawn")) {
                enrolled++;
                if (trainee.getString("identity").equals(identity)) {
                    throw new Refused("already enrolled: " + c.trainee().name());
                }
            }
            if (trainee.getString("traineeId").equals(c.traineeId().value())) {
                throw new Refused("trainee id taken: " + c.traineeId());
            }
        }
        if (enrolled >= course.getInteger("capacity")) {
            throw new Refused("course full");
        }
        if (program == Program.KOICA && c.trainee().level() == null) {
            throw new Refused("level required for KOICA");
        }
        Trainee t = c.trainee();
        List<Document> updated = new ArrayList<>(trainees);
        updated.add(new Document("traineeId", c.traineeId().value())
                .append("identity", identity)
                .append("name", t.name())
                .append("country", t.country())
                .append("organization", t.organization())
                .append("position", t.position())
                .append("level", t.level() == null ? null : t.level().name())
                .append("withdrawn", false));
        course.put("trainees", updated);
        course.put("enrolled", enrolled + 1);
    }
}
