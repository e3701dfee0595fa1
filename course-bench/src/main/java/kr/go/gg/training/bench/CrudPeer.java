package kr.go.gg.training.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** Handles one command of {@link CoursePlan}. */
    public void handle(Object command) {
        if (command instanceof ProposeCourse c) {
            propose(c);
            return;
        }
        CourseId id = courseId(command);
        Document course = courses.find(Filters.eq("_id", id.value())).first();
        if (course == null) {
            throw new Refused("no course " + id);
        }
        Program program = Program.valueOf(course.getString("program"));
        CourseStatus status = CourseStatus.valueOf(course.getString("status"));
        if (command instanceof RecordDemandSurvey c) {
            require(Step.SURVEY, program, status, id);
            stage(course, c.surveyedOn(), CourseStatus.DEMAND_SURVEYED);
        } else if (command instanceof RecordCourseSelection c) {
            require(Step.SELECTION, program, status, id);
            stage(course, c.decidedOn(), c.selected() ? CourseStatus.SELECTED : CourseStatus.REJECTED);
        } else if (command instanceof PublishConsigneeInvitation c) {
            require(Step.INVITATION, program, status, id);
            stage(course, c.publishedOn(), CourseStatus.INVITATION_PUBLISHED);
            course.put("quarter", c.quarter());
        } else if (command instanceof RecordConsigneeSelection c) {
            require(Step.CONSIGNEE, program, status, id);
            stage(course, c.decidedOn(), c.awarded() ? CourseStatus.CONSIGNEE_AWARDED : CourseStatus.NOT_AWARDED);
        } else if (command instanceof ScheduleCourse c) {
            require(Step.SCHEDULE, program, status, id);
            course.put("startDate", c.period().startDate().toString());
            course.put("endDate", c.period().endDate().toString());
            course.put("status", CourseStatus.SCHEDULED.name());
        } else if (command instanceof EnrollTrainee c) {
            require(Step.ENROL, program, status, id);
            enrol(course, program, c);
        } else if (command instanceof StartCourse) {
            require(Step.START, program, status, id);
            course.put("status", CourseStatus.IN_PROGRESS.name());
        } else if (command instanceof CompleteCourse) {
            require(Step.COMPLETE, program, status, id);
            List<Document> trainees = course.getList("trainees", Document.class);
            List<String> participants = new ArrayList<>();
            for (Document trainee : trainees) {
                if (!trainee.getBoolean("withdrawn")) {
                    participants.add(trainee.getString("traineeId"));
                }
            }
            course.put("participants", participants);
            course.put("status", CourseStatus.COMPLETED.name());
        } else {
            throw new IllegalArgumentException("the CRUD peer does not know " + command.getClass());
        }
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

    static CourseId courseId(Object command) {
        if (command instanceof ProposeCourse c) {
            return c.courseId();
        } else if (command instanceof RecordDemandSurvey c) {
            return c.courseId();
        } else if (command instanceof RecordCourseSelection c) {
            return c.courseId();
        } else if (command instanceof PublishConsigneeInvitation c) {
            return c.courseId();
        } else if (command instanceof RecordConsigneeSelection c) {
            return c.courseId();
        } else if (command instanceof ScheduleCourse c) {
            return c.courseId();
        } else if (command instanceof EnrollTrainee c) {
            return c.courseId();
        } else if (command instanceof StartCourse c) {
            return c.courseId();
        } else if (command instanceof CompleteCourse c) {
            return c.courseId();
        }
        throw new IllegalArgumentException("no course id in " + command);
    }
}
