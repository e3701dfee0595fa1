package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import kr.go.gg.training.api.enrollment.EnrollTrainee;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.enrollment.WithdrawTrainee;
import kr.go.gg.training.command.privacy.domain.InMemoryTraineeKeys;
import kr.go.gg.training.command.domain.AggregateFreshness;
import kr.go.gg.training.command.agreement.domain.AgreementLookup;
import kr.go.gg.training.command.domain.DomainRefusal;
import kr.go.gg.training.command.domain.NotFound;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import static kr.go.gg.training.api.course.CourseStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model-based, over every course command: a random sequence (propose first, then any of demand survey, selection
 * yes/no, invitation, consignee selection yes/no, schedule, enrol, withdraw, start, complete, cancel, with dates in
 * plausible order or not) is driven through the aggregate's command handlers (Axon's AggregateTestFixture, one
 * command at a time on the events accepted so far). A model of docs/domain.md predicts each answer: the aggregate
 * must accept exactly what the model accepts, with the model's event, and refuse the rest with a refusal and no
 * event. After every step, on the aggregate's own state: enrolled never exceeds capacity; enrolled = enrolments -
 * withdrawals; the status stays or moves forward along the lifecycle (REJECTED, NOT_AWARDED, CANCELLED and COMPLETED
 * are terminal and accept nothing); a refused command appends nothing and changes nothing.
 */
class CourseLifecyclePropertiesTest {

    private static final CourseId ID = new CourseId("course");
    private static final LocalDate BASE = LocalDate.of(2015, 1, 1);
    private static final List<Trainee> PEOPLE = List.of(
            new Trainee("Nguyen", "Vietnam", "Hanoi City", "Director", null),
            new Trainee("Tran", "Vietnam", "Hanoi City", "Officer", null),
            new Trainee("Wang", "Jiangsu", "Nanjing", "Officer", null),
            new Trainee("Li", "Jiangsu", "Nanjing", "Officer", null));
    private static final Set<CourseStatus> TERMINAL = EnumSet.of(COMPLETED, REJECTED, NOT_AWARDED, CANCELLED);

    /** docs/domain.md's lifecycle: the statuses each status may move on to (staying put is allowed unless terminal). */
    private static Set<CourseStatus> forward(Program program, CourseStatus from) {
        return switch (from) {
            case PROPOSED -> program == Program.KOICA ? EnumSet.of(DEMAND_SURVEYED, CANCELLED) : EnumSet.of(SCHEDULED, CANCELLED);
            case DEMAND_SURVEYED -> EnumSet.of(SELECTED, REJECTED, CANCELLED);
            case SELECTED -> EnumSet.of(INVITATION_PUBLISHED, CANCELLED);
            case INVITATION_PUBLISHED -> EnumSet.of(CONSIGNEE_AWARDED, NOT_AWARDED, CANCELLED);
            case CONSIGNEE_AWARDED -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, REJECTED, NOT_AWARDED, CANCELLED -> EnumSet.noneOf(CourseStatus.class);
        };
    }

    // ---- the generated actions; stage dates are days after the previous stage date (negative: out of order)

    sealed interface Action {
    }

    /** The step the lifecycle expects next (plausible date), so that sequences reach the late states. */
    record Next(boolean yes, int days) implements Action {
    }

    record Survey(int days) implements Action {
    }

    record Selection(boolean selected, int days) implements Action {
    }

    record Invitation(int quarter, int days) implements Action {
    }

    record Consignee(boolean awarded, int days) implements Action {
    }

    record Schedule(int startDays, int length) implements Action {
    }

    /** {@code reuse} >= 0: the id of an earlier enrolment (a second use of an id), else a new id. */
    record Enrol(int person, boolean withLevel, int reuse) implements Action {
    }

    /** {@code pick}: the pick-th enrolment so far, or an unknown trainee. */
    record Withdraw(int pick) implements Action {
    }

    record Start() implements Action {
    }

    record Complete() implements Action {
    }

    record Cancel() implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> days = Arbitraries.integers().between(-30, 60);
        Arbitrary<Boolean> mostlyYes = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(mostlyYes, Arbitraries.integers().between(0, 40)).as(Next::new)),
                Tuple.of(1, days.map(Survey::new)),
                Tuple.of(1, Combinators.combine(mostlyYes, days).as(Selection::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 4), days).as(Invitation::new)),
                Tuple.of(1, Combinators.combine(mostlyYes, days).as(Consignee::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 1500), Arbitraries.integers().between(0, 30)).as(Schedule::new)),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, PEOPLE.size() - 1), mostlyYes,
                        Arbitraries.integers().between(-4, 2)).as(Enrol::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 5).map(Withdraw::new)),
                Tuple.of(1, Arbitraries.just(new Start())),
                Tuple.of(1, Arbitraries.just(new Complete())),
                Tuple.of(1, Arbitraries.just(new Cancel())));
        return action.list().ofMinSize(0).ofMaxSize(24).withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 100)
    void every_command_sequence_keeps_the_course_invariants(@ForAll boolean koica,
                                                             @ForAll @IntRange(min = 1, max = 4) int capacity,
                                                             @ForAll("agreement") boolean agreementInForce,
                                                             @ForAll("actions") List<Action> actions) {
        Program program = koica ? Program.KOICA : Program.CHINA_EXCHANGE;
        String partner = koica ? "Vietnam" : "Jiangsu";
        AgreementLookup agreements = (province, month) -> agreementInForce;
        Model model = new Model(agreementInForce);
        List<Object> history = new ArrayList<>();

        step(agreements, model, history, new ProposeCourse(ID, "Course", program, Direction.INBOUND, partner, capacity, null));
        // without a course every command is refused the same way (no such aggregate): two of them suffice
        for (Action action : model.exists ? actions : actions.subList(0, Math.min(2, actions.size()))) {
            step(agreements, model, history, model.command(action));
        }
        Statistics.label("program").collect(program);
        Statistics.label("final status").collect(model.exists ? model.status : null);
    }

    @Provide
    Arbitrary<Boolean> agreement() {
        return Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false));
    }

    /** One command on the events so far: the aggregate's answer against the model's, then the invariants. */
    private static void step(AgreementLookup agreements, Model model, List<Object> history, Object command) {
        CourseStatus before = model.exists ? model.status : null;
        Optional<Object> predicted = model.predict(command);
        Observed observed = observe(agreements, history, command);

        if (before != null && TERMINAL.contains(before)) {
            assertThat(observed.refusal()).as("%s accepted %s", before, command).isNotNull();
        }
        if (observed.refusal() != null) {
            assertThat(observed.refusal()).as("refusal of %s", command)
                    .isInstanceOfAny(DomainRefusal.class, NotFound.class, AggregateNotFoundException.class,
                            kr.go.gg.training.api.InvalidValueException.class);
            assertThat(observed.events()).as("events of refused %s", command).isEmpty();
            assertThat(predicted).as("the model accepts %s in %s, the aggregate refused: %s", command, before,
                    observed.refusal().getMessage()).isEmpty();
            // it appended nothing, so the course is the fold of the same events as before: unchanged
        } else {
            assertThat(predicted).as("the model refuses %s in %s, the aggregate accepted", command, before).isPresent();
            assertThat(observed.events()).as("events of %s", command).containsExactly(predicted.get());
            history.addAll(observed.events());
            model.apply(predicted.get());

            CourseState state = observed.state();
            assertThat(state.status()).isEqualTo(model.status);
            if (before != null && state.status() != before) {
                assertThat(forward(model.program, before)).as("%s -> %s", before, state.status()).contains(state.status());
            }
            assertThat(state.enrolled()).isLessThanOrEqualTo(state.capacity());
            long enrolments = history.stream().filter(TraineeEnrolled.class::isInstance).count();
            long withdrawals = history.stream().filter(TraineeWithdrawn.class::isInstance).count();
            assertThat(state.enrolled()).as("enrolled = enrolments - withdrawals").isEqualTo(enrolments - withdrawals)
                    .isEqualTo(model.active());
        }
    }

    private record Observed(List<Object> events, Throwable refusal, CourseState state) {
    }

    private static Observed observe(AgreementLookup agreements, List<Object> history, Object command) {
        AggregateTestFixture<Course> fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource(agreements);
        fixture.registerInjectableResource(AggregateFreshness.SINGLE_WRITER);
        fixture.registerInjectableResource(new InMemoryTraineeKeys());
        ResultValidator<Course> result = history.isEmpty()
                ? fixture.givenNoPriorActivity().when(command)
                : fixture.given(history).when(command);
        List<Object> events = new ArrayList<>();
        result.expectEventsMatching(new Capture<>(published -> published.forEach(event -> events.add(((EventMessage<?>) event).getPayload()))));
        Throwable[] refusal = new Throwable[1];
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AxonAssertionError notSuccessful) {
            result.expectException(new Capture<Throwable>(thrown -> refusal[0] = thrown));
        }
        CourseState[] state = new CourseState[1];
        if (refusal[0] == null) {
            // Axon keeps no state of a rolled-back unit of work
            result.expectState(course -> state[0] = course.state());
        }
        return new Observed(events, refusal[0], state[0]);
    }

    /** A matcher that matches anything and hands it over: how the fixture lets a test observe instead of expect. */
    private static final class Capture<T> extends BaseMatcher<T> {
        private final java.util.function.Consumer<T> sink;

        Capture(java.util.function.Consumer<T> sink) {
            this.sink = sink;
        }

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            sink.accept((T) actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything");
        }
    }

    /** The model: the rules of docs/domain.md, written down independently of the aggregate's policies. */
    private static final class Model {
        final boolean agreementInForce;
        boolean exists;
        Program program;
        Direction direction;
        String partner;
        int capacity;
        CourseStatus status;
        LocalDate lastStage;
        Period period;
        final Map<TraineeId, String> enrolments = new LinkedHashMap<>();
        final Set<TraineeId> withdrawn = new java.util.HashSet<>();
        int nextTrainee;

        Model(boolean agreementInForce) {
            this.agreementInForce = agreementInForce;
        }

        int active() {
            return enrolments.size() - withdrawn.size();
        }

        private LocalDate stage(int days) {
            return (lastStage == null ? BASE : lastStage).plusDays(days);
        }

        /** The command an action stands for in the current state. */
        Object command(Action action) {
            if (action instanceof Next next) {
                return next(next);
            } else if (action instanceof Survey survey) {
                return new RecordDemandSurvey(ID, stage(survey.days()));
            } else if (action instanceof Selection selection) {
                return new RecordCourseSelection(ID, selection.selected(), stage(selection.days()));
            } else if (action instanceof Invitation invitation) {
                return new PublishConsigneeInvitation(ID, invitation.quarter(), stage(invitation.days()));
            } else if (action instanceof Consignee consignee) {
                return new RecordConsigneeSelection(ID, consignee.awarded(), stage(consignee.days()));
            } else if (action instanceof Schedule schedule) {
                LocalDate start = BASE.plusDays(schedule.startDays());
                return new ScheduleCourse(ID, new Period(start, start.plusDays(schedule.length())));
            } else if (action instanceof Enrol enrol) {
                List<TraineeId> ids = new ArrayList<>(enrolments.keySet());
                TraineeId id = enrol.reuse() >= 0 && !ids.isEmpty()
                        ? ids.get(enrol.reuse() % ids.size())
                        : new TraineeId("t" + nextTrainee++);
                Trainee person = PEOPLE.get(enrol.person());
                return new EnrollTrainee(ID, id, new Trainee(person.name(), person.country(), person.organization(),
                        person.position(), enrol.withLevel() ? TraineeLevel.MID_LEVEL : null));
            } else if (action instanceof Withdraw withdraw) {
                List<TraineeId> ids = new ArrayList<>(enrolments.keySet());
                return new WithdrawTrainee(ID, withdraw.pick() < ids.size() ? ids.get(withdraw.pick()) : new TraineeId("nobody"), "ill");
            } else if (action instanceof Start) {
                return new StartCourse(ID);
            } else if (action instanceof Complete) {
                return new CompleteCourse(ID);
            } else {
                return new CancelCourse(ID, "budget");
            }
        }

        private Object next(Next next) {
            if (!exists) {
                return new StartCourse(ID);
            }
            return switch (status) {
                case PROPOSED -> program == Program.KOICA
                        ? new RecordDemandSurvey(ID, stage(next.days()))
                        : new ScheduleCourse(ID, new Period(BASE.plusDays(400 + next.days()), BASE.plusDays(410 + next.days())));
                case DEMAND_SURVEYED -> new RecordCourseSelection(ID, next.yes(), stage(next.days()));
                case SELECTED -> new PublishConsigneeInvitation(ID, 1 + next.days() % 4, stage(next.days()));
                case INVITATION_PUBLISHED -> new RecordConsigneeSelection(ID, next.yes(), stage(next.days()));
                case CONSIGNEE_AWARDED -> new ScheduleCourse(ID, new Period(stage(30), stage(40)));
                case SCHEDULED -> next.yes() && active() < capacity
                        ? new EnrollTrainee(ID, new TraineeId("t" + nextTrainee++), withLevel(PEOPLE.get(next.days() % PEOPLE.size())))
                        : new StartCourse(ID);
                case IN_PROGRESS -> next.yes() ? new CompleteCourse(ID) : new WithdrawTrainee(ID, first(), "ill");
                case COMPLETED, REJECTED, NOT_AWARDED, CANCELLED -> new CancelCourse(ID, "budget");
            };
        }

        private TraineeId first() {
            return enrolments.keySet().stream().filter(id -> !withdrawn.contains(id)).findFirst().orElse(new TraineeId("nobody"));
        }

        private static Trainee withLevel(Trainee person) {
            return new Trainee(person.name(), person.country(), person.organization(), person.position(), TraineeLevel.HIGH_RANKING);
        }

        private boolean in(CourseStatus... statuses) {
            return exists && Set.of(statuses).contains(status);
        }

        private boolean inOrder(LocalDate date) {
            return lastStage == null || !date.isBefore(lastStage);
        }

        /** The event the rules produce for this command now, or empty when they refuse it. */
        Optional<Object> predict(Object command) {
            boolean koica = program == Program.KOICA;
            Object event = null;
            if (command instanceof ProposeCourse propose) {
                if (!exists && (propose.program() == Program.KOICA || agreementInForce)) {
                    event = new CourseProposed(ID, propose.title(), propose.program(), propose.direction(), propose.partner(),
                            propose.capacity(), propose.trainingYear());
                }
            } else if (command instanceof RecordDemandSurvey survey) {
                if (koica && in(PROPOSED)) {
                    event = new DemandSurveyRecorded(ID, survey.surveyedOn());
                }
            } else if (command instanceof RecordCourseSelection selection) {
                if (koica && in(DEMAND_SURVEYED) && inOrder(selection.decidedOn())) {
                    event = selection.selected() ? new CourseSelected(ID, selection.decidedOn()) : new CourseRejected(ID, selection.decidedOn());
                }
            } else if (command instanceof PublishConsigneeInvitation invitation) {
                if (koica && in(SELECTED) && inOrder(invitation.publishedOn())) {
                    event = new ConsigneeInvitationPublished(ID, invitation.quarter(), invitation.publishedOn());
                }
            } else if (command instanceof RecordConsigneeSelection consignee) {
                if (koica && in(INVITATION_PUBLISHED) && inOrder(consignee.decidedOn())) {
                    event = consignee.awarded() ? new ConsigneeAwarded(ID, consignee.decidedOn()) : new ConsigneeNotAwarded(ID, consignee.decidedOn());
                }
            } else if (command instanceof ScheduleCourse schedule) {
                // a KOICA course's training does not start before its award (a China course has no stage dates)
                if ((koica ? in(CONSIGNEE_AWARDED, SCHEDULED) : in(PROPOSED, SCHEDULED)) && inOrder(schedule.period().startDate())) {
                    event = new CourseScheduled(ID, schedule.period());
                }
            } else if (command instanceof EnrollTrainee enrol) {
                if (in(SCHEDULED) && (!koica || enrol.trainee().level() != null) && !enrolments.containsKey(enrol.traineeId())
                        && !present(enrol.trainee()) && active() < capacity) {
                    event = InMemoryTraineeKeys.enrolled(ID, enrol.traineeId(), enrol.trainee(), active() + 1);
                }
            } else if (command instanceof WithdrawTrainee withdraw) {
                if (in(SCHEDULED, IN_PROGRESS) && enrolments.containsKey(withdraw.traineeId()) && !withdrawn.contains(withdraw.traineeId())) {
                    event = new TraineeWithdrawn(ID, withdraw.traineeId(), withdraw.reason(), active() - 1);
                }
            } else if (command instanceof StartCourse) {
                if (in(SCHEDULED)) {
                    event = new CourseStarted(ID, active());
                }
            } else if (command instanceof CompleteCourse) {
                if (in(IN_PROGRESS)) {
                    event = new CourseCompleted(ID, program, direction, partner, period,
                            enrolments.keySet().stream().filter(id -> !withdrawn.contains(id)).toList());
                }
            } else if (command instanceof CancelCourse cancel) {
                if (exists && !TERMINAL.contains(status)) {
                    event = new CourseCancelled(ID, cancel.reason(), status);
                }
            } else {
                throw new IllegalArgumentException("not a course command: " + command);
            }
            return Optional.ofNullable(event);
        }

        /** The same person (name, country, organisation; case and spacing ignored) holds a place now. */
        private boolean present(Trainee trainee) {
            return enrolments.entrySet().stream()
                    .anyMatch(entry -> !withdrawn.contains(entry.getKey()) && entry.getValue().equals(identity(trainee)));
        }

        private static String identity(Trainee trainee) {
            return (trainee.name() + "|" + trainee.country() + "|" + trainee.organization()).toLowerCase(java.util.Locale.ROOT);
        }

        void apply(Object event) {
            if (event instanceof CourseProposed proposed) {
                exists = true;
                program = proposed.program();
                direction = proposed.direction();
                partner = proposed.partner();
                capacity = proposed.capacity();
                status = PROPOSED;
            } else if (event instanceof DemandSurveyRecorded e) {
                stage(DEMAND_SURVEYED, e.surveyedOn());
            } else if (event instanceof CourseSelected e) {
                stage(SELECTED, e.decidedOn());
            } else if (event instanceof CourseRejected e) {
                stage(REJECTED, e.decidedOn());
            } else if (event instanceof ConsigneeInvitationPublished e) {
                stage(INVITATION_PUBLISHED, e.publishedOn());
            } else if (event instanceof ConsigneeAwarded e) {
                stage(CONSIGNEE_AWARDED, e.decidedOn());
            } else if (event instanceof ConsigneeNotAwarded e) {
                stage(NOT_AWARDED, e.decidedOn());
            } else if (event instanceof CourseScheduled e) {
                status = SCHEDULED;
                period = e.period();
            } else if (event instanceof TraineeEnrolled e) {
                var personal = new InMemoryTraineeKeys().open(e).orElseThrow();
                enrolments.put(e.traineeId(), identity(new Trainee(personal.name(), e.country(), personal.organization(),
                        personal.position(), e.level())));
            } else if (event instanceof TraineeWithdrawn e) {
                withdrawn.add(e.traineeId());
            } else if (event instanceof CourseStarted) {
                status = IN_PROGRESS;
            } else if (event instanceof CourseCompleted) {
                status = COMPLETED;
            } else if (event instanceof CourseCancelled) {
                status = CANCELLED;
            } else {
                throw new IllegalArgumentException("unexpected event " + event);
            }
        }

        private void stage(CourseStatus next, LocalDate date) {
            status = next;
            lastStage = date;
        }
    }
}
