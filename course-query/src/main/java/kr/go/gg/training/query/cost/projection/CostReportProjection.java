package kr.go.gg.training.query.cost.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.cost.CostRecorded;
import kr.go.gg.training.api.cost.CostReport;
import kr.go.gg.training.api.cost.CostWithdrawn;
import kr.go.gg.training.api.cost.FindCostReport;
import kr.go.gg.training.query.platform.layout.ReadModelLayout;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The costs report: {@code cost_rows}, one document per standing cost ({@code _id} =
 * {@code "<year>:<courseId>:<costId>"}: programme, direction, partner, category, payer, amount; a withdrawal deletes
 * it), and {@code cost_commission_rows}, one per KOICA course's commission ({@code _id} = {@code "<year>:<courseId>"},
 * overwritten when recorded again). The year is the course's training year, carried by the events. No document grows
 * with the number of courses (docs/design.md, "Read models"); a year is one {@code _id} prefix of each collection, the
 * sums are made at read ({@link CostAssembly}). Re-delivery overwrites or deletes the same documents: replay-safe.
 */
@Component
@ReadModelLayout(1)
@ProcessingGroup(ProcessingGroups.COSTS)
public class CostReportProjection {

    public static final String ROWS = "cost_rows";
    public static final String COMMISSIONS = "cost_commission_rows";

    private final BatchedCollection rows;
    private final BatchedCollection commissions;

    public CostReportProjection(MongoDatabase readModelDatabase) {
        this.rows = new BatchedCollection(readModelDatabase.getCollection(ROWS));
        this.commissions = new BatchedCollection(readModelDatabase.getCollection(COMMISSIONS));
    }

    @EventHandler
    void on(CostRecorded e) {
        rows.save(new Document("_id", rowId(e.trainingYear(), e.courseId().value(), e.costId()))
                .append("year", e.trainingYear())
                .append("courseId", e.courseId().value())
                .append("program", e.program().name())
                .append("direction", e.direction().name())
                .append("partner", e.partner())
                .append("category", e.category().name())
                .append("paidBy", e.paidBy().name())
                .append("amount", e.amount()));
    }

    @EventHandler
    void on(CostWithdrawn e) {
        rows.delete(rowId(e.trainingYear(), e.courseId().value(), e.costId()));
    }

    @EventHandler
    void on(CommissionRecorded e) {
        commissions.save(new Document("_id", e.trainingYear() + ":" + e.courseId().value())
                .append("year", e.trainingYear())
                .append("courseId", e.courseId().value())
                .append("amount", e.amount())
                .append("receivedOn", e.receivedOn().toString()));
    }

    @ResetHandler
    void reset() {
        rows.drop();
        commissions.drop();
    }

    @QueryHandler
    public CostReport handle(FindCostReport query) {
        Bson year = Filters.regex("_id", "^" + query.year() + ":"); // a plain prefix: the _id index (docs/design.md)
        return CostAssembly.report(query.year(), rows.collection().find(year).into(new ArrayList<>()),
                commissions.collection().find(year).into(new ArrayList<>()));
    }

    private static String rowId(int year, String courseId, String costId) {
        return year + ":" + courseId + ":" + costId;
    }
}
