package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;

import kr.go.gg.training.api.course.CancelCourse;
import kr.go.gg.training.api.course.CompleteCourse;
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
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.api.course.PublishConsigneeInvitation;
import kr.go.gg.training.api.course.RecordConsigneeSelection;
import kr.go.gg.training.api.course.RecordCourseSelection;
import kr.go.gg.training.api.course.RecordDemandSurvey;
import kr.go.gg.training.api.course.ScheduleCourse;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.historical.ImportHistoricalCourse;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.agreement.domain.AgreementPolicy;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.platform.idempotency.AnsweredKeys;
import kr.go.gg.training.command.privacy.domain.TraineeKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A training course through the lifecycle of docs/domain.md. Command handlers answer the aggregate's version
 * (the sequence number of its last event) so that a client can read its own write on the query side.
 * The event sourcing handlers are the one folding of a course's events (history and time travel reuse them).
 */
@Aggregate(cache = "courseCache")
public class Course {

    @AggregateIdentifier
    private CourseId courseId;
    private Program program;
    private Direction direction;
    private String partner;
    private int capacity;
    private CourseStatus status;
    private LocalDate lastStageDate;
    private Period period;
    /** Enrolment and withdrawal: their handlers, rules and event sourcing are the roster's. */
    @AggregateMember private final CourseRoster roster = new CourseRoster(this);
    @AggregateMember private final CourseCurriculum curriculum = new CourseCurriculum(this);
    @AggregateMember private final CourseCosts costs = new CourseCosts(this); // costs and commission: their handlers
    @AggregateMember private final AnsweredKeys answered = new AnsweredKeys();

    protected Course() {
    }

    /**
     * A command whose Idempotency-Key this course answered before appends nothing and answers as the first time.
     * A refusal is given only by the event store's latest course (see {@link AggregateFreshness}).
     */
    @CommandHandlerInterceptor
    Object answerOnce(CommandMessage<?> command, InterceptorChain chain, AggregateFreshness freshness) throws Exception {
        var replayed = answered.replayOf(command);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        try {
            return chain.proceed();
        } catch (DomainRefusal refusal) {
            if (courseId != null) {
                freshness.confirm(courseId.value(), version());
            }
            throw refusal;
        }
    }

    /** CREATE_IF_MISSING: a retried proposal (its id derived from the Idempotency-Key) finds its course. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ProposeCourse command, AgreementLookup agreements) {
        if (courseId != null) {
            throw new CourseAlreadyExists(courseId, status);
        }
        AgreementPolicy.requireAgreement(command.program(), command.partner(), agreements);
        apply(new CourseProposed(command.courseId(), command.title(), command.program(), command.direction(),
                command.partner(), command.capacity(), command.trainingYear()));
        return version();
    }

    /** A repeated import finds the course it made before and is refused, so the caller can count it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ImportHistoricalCourse command) {
        if (courseId != null) {
            throw new CourseAlreadyExists(courseId, status);
        }
        apply(new HistoricalCourseImported(command.courseId(), command.program() + " course with " + command.partner(),
                command.program(), command.direction(), command.partner(), command.period(), command.people(),
                command.source()));
        return version();
    }

    @CommandHandler
    public long handle(RecordDemandSurvey command) {
        LifecyclePolicy.require(Step.RECORD_DEMAND_SURVEY, courseId, program, status);
        apply(new DemandSurveyRecorded(courseId, command.surveyedOn()));
        return version();
    }

    @CommandHandler
    public long handle(RecordCourseSelection command) {
        LifecyclePolicy.require(Step.RECORD_COURSE_SELECTION, courseId, program, status);
        StageDatePolicy.require(courseId, status, lastStageDate, command.decidedOn());
        apply(command.selected()
                ? new CourseSelected(courseId, command.decidedOn())
                : new CourseRejected(courseId, command.decidedOn()));
        return version();
    }

    @CommandHandler
    public long handle(PublishConsigneeInvitation command) {
        LifecyclePolicy.require(Step.PUBLISH_CONSIGNEE_INVITATION, courseId, program, status);
        StageDatePolicy.require(courseId, status, lastStageDate, command.publishedOn());
        apply(new ConsigneeInvitationPublished(courseId, command.quarter(), command.publishedOn()));
        return version();
    }

    @CommandHandler
    public long handle(RecordConsigneeSelection command) {
        LifecyclePolicy.require(Step.RECORD_CONSIGNEE_SELECTION, courseId, program, status);
        StageDatePolicy.require(courseId, status, lastStageDate, command.decidedOn());
        apply(command.awarded()
                ? new ConsigneeAwarded(courseId, command.decidedOn())
                : new ConsigneeNotAwarded(courseId, command.decidedOn()));
        return version();
    }

    @CommandHandler
    public long handle(ScheduleCourse command) {
        LifecyclePolicy.require(Step.SCHEDULE, courseId, program, status);
        StageDatePolicy.require(courseId, status, lastStageDate, command.period().startDate());
        curriculum.requireRoomFor(command.period());
        apply(new CourseScheduled(courseId, command.period()));
        return version();
    }

    @CommandHandler
    public long handle(StartCourse command) {
        LifecyclePolicy.require(Step.START, courseId, program, status);
        apply(new CourseStarted(courseId, roster.enrolled()));
        return version();
    }

    @CommandHandler
    public long handle(CompleteCourse command, TraineeKeys keys) {
        LifecyclePolicy.require(Step.COMPLETE, courseId, program, status);
        keys.startRetention(courseId, java.time.Instant.now());
        apply(new CourseCompleted(courseId, program, direction, partner, period, roster.stillEnrolled()));
        return version();
    }

    @CommandHandler
    public long handle(CancelCourse command) {
        LifecyclePolicy.require(Step.CANCEL, courseId, program, status);
        apply(new CourseCancelled(courseId, command.reason(), status));
        return version();
    }

    /** The course as its events left it: what an auditor's "state as of" shows. */
    public CourseState state() {
        return new CourseState(courseId, program, direction, partner, capacity, status, lastStageDate, period,
                roster.enrolled());
    }

    CourseId id() {
        return courseId;
    }

    Program program() {
        return program;
    }

    CourseStatus status() {
        return status;
    }

    int capacity() {
        return capacity;
    }

    /** An empty course to fold stored events into (time travel reuses the event sourcing handlers). */
    public static Course blank() {
        return new Course();
    }

    static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    @EventSourcingHandler
    void on(CourseProposed event) {
        courseId = event.courseId();
        program = event.program();
        direction = event.direction();
        partner = event.partner();
        capacity = event.capacity();
        status = CourseStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(HistoricalCourseImported event) {
        courseId = event.courseId();
        program = event.program();
        direction = event.direction();
        partner = event.partner();
        period = event.period();
        capacity = event.people();
        status = CourseStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(DemandSurveyRecorded event) {
        status = CourseStatus.DEMAND_SURVEYED;
        lastStageDate = event.surveyedOn();
    }

    @EventSourcingHandler
    void on(CourseSelected event) {
        status = CourseStatus.SELECTED;
        lastStageDate = event.decidedOn();
    }

    @EventSourcingHandler
    void on(CourseRejected event) {
        status = CourseStatus.REJECTED;
        lastStageDate = event.decidedOn();
    }

    @EventSourcingHandler
    void on(ConsigneeInvitationPublished event) {
        status = CourseStatus.INVITATION_PUBLISHED;
        lastStageDate = event.publishedOn();
    }

    @EventSourcingHandler
    void on(ConsigneeAwarded event) {
        status = CourseStatus.CONSIGNEE_AWARDED;
        lastStageDate = event.decidedOn();
    }

    @EventSourcingHandler
    void on(ConsigneeNotAwarded event) {
        status = CourseStatus.NOT_AWARDED;
        lastStageDate = event.decidedOn();
    }

    @EventSourcingHandler
    void on(CourseScheduled event) {
        status = CourseStatus.SCHEDULED;
        period = event.period();
    }

    @EventSourcingHandler
    void on(CourseStarted event) {
        status = CourseStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(CourseCompleted event) {
        status = CourseStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(CourseCancelled event) {
        status = CourseStatus.CANCELLED;
    }
}
