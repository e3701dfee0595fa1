package kr.go.gg.training.command.course.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.RecordCommission;
import kr.go.gg.training.api.cost.RecordCost;
import kr.go.gg.training.api.cost.WithdrawCost;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseProposed;
import kr.go.gg.training.api.course.CourseScheduled;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Period;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one course: its costs by category and payer, and a KOICA course's consignment commission. An aggregate
 * member of {@link Course} (as {@link CourseRoster}); the rules are {@link CostSharingPolicy}'s and
 * {@link MoneyPolicy}'s. It folds the course's direction, partner and period itself, so the course needs no accessor
 * for them. Nothing is ever edited: a cost recorded in error is withdrawn (an event of its own) and recorded anew; a
 * commission recorded again replaces the former one by a new event.
 */
public final class CourseCosts {

    private final Course course;
    private Direction direction;
    private String partner;
    private Period period;
    /** Every cost id recorded, true while it stands (not withdrawn). */
    private final Map<String, Boolean> costs = new HashMap<>();
    private Long commission;
    private LocalDate commissionReceivedOn;

    CourseCosts(Course course) {
        this.course = course;
    }

    @CommandHandler
    public long handle(RecordCost command) {
        CourseId id = course.id();
        MoneyPolicy.periodKnown(id, period, "costs");
        CostSharingPolicy.require(id, course.program(), direction, command.category(), command.paidBy());
        MoneyPolicy.newCost(id, costs, command.costId());
        apply(new CostRecorded(id, command.costId(), course.program(), direction, partner, period.year(),
                command.category(), command.amount(), command.paidBy(), command.note()));
        return Course.version();
    }

    @CommandHandler
    public long handle(WithdrawCost command) {
        CourseId id = course.id();
        MoneyPolicy.standingCost(id, costs, command.costId());
        apply(new CostWithdrawn(id, command.costId(), period.year(), command.reason()));
        return Course.version();
    }

    /** The same amount and day again appends nothing (a retry); another amount or day replaces the former record. */
    @CommandHandler
    public long handle(RecordCommission command) {
        CourseId id = course.id();
        MoneyPolicy.koicaCourse(id, course.program());
        MoneyPolicy.periodKnown(id, period, "a commission");
        MoneyPolicy.notCancelled(id, course.status());
        if (Long.valueOf(command.amount()).equals(commission) && command.receivedOn().equals(commissionReceivedOn)) {
            return Course.version();
        }
        apply(new CommissionRecorded(id, command.amount(), command.receivedOn(), period.year()));
        return Course.version();
    }

    @EventSourcingHandler
    void on(CourseProposed event) {
        direction = event.direction();
        partner = event.partner();
    }

    @EventSourcingHandler
    void on(HistoricalCourseImported event) {
        direction = event.direction();
        partner = event.partner();
        period = event.period();
    }

    @EventSourcingHandler
    void on(CourseScheduled event) {
        period = event.period();
    }

    @EventSourcingHandler
    void on(CostRecorded event) {
        costs.put(event.costId(), true);
    }

    @EventSourcingHandler
    void on(CostWithdrawn event) {
        costs.put(event.costId(), false);
    }

    @EventSourcingHandler
    void on(CommissionRecorded event) {
        commission = event.amount();
        commissionReceivedOn = event.receivedOn();
    }
}
