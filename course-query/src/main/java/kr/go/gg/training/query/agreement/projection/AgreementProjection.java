package kr.go.gg.training.query.agreement.projection;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.AgreementView;
import kr.go.gg.training.api.agreement.Agreements;
import kr.go.gg.training.api.agreement.FindAgreements;
import kr.go.gg.training.query.platform.readmodel.BatchedCollection;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The agreements register: {@code agreements}, one document per agreement (re-delivery overwrites it).
 * {@code inForce} is not stored: it depends on today (signed on or before the current month in Seoul).
 */
@Component
@ProcessingGroup(ProcessingGroups.AGREEMENTS)
public class AgreementProjection {

    public static final String AGREEMENTS = "agreements";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final BatchedCollection agreements;
    private final Clock clock;

    public AgreementProjection(MongoDatabase readModelDatabase, ObjectProvider<Clock> clock) {
        this.agreements = new BatchedCollection(readModelDatabase.getCollection(AGREEMENTS));
        this.clock = clock.getIfAvailable(() -> Clock.system(SEOUL));
    }

    @EventHandler
    void on(AgreementRecorded e) {
        agreements.save(new Document("_id", e.agreementId().value())
                .append("province", e.province().name())
                .append("classification", e.classification().name())
                .append("signedOn", e.signedOn().toString()));
    }

    @ResetHandler
    void reset() {
        agreements.drop();
    }

    @QueryHandler
    public Agreements handle(FindAgreements query) {
        YearMonth now = YearMonth.now(clock.withZone(SEOUL));
        List<AgreementView> views = new ArrayList<>();
        for (Document d : agreements.collection().find()) {
            YearMonth signedOn = YearMonth.parse(d.getString("signedOn"));
            views.add(new AgreementView(d.getString("_id"), d.getString("province"),
                    AgreementClassification.valueOf(d.getString("classification")), signedOn, !signedOn.isAfter(now)));
        }
        views.sort(Comparator.comparing(AgreementView::signedOn).thenComparing(AgreementView::province)
                .thenComparing(AgreementView::agreementId));
        return new Agreements(views);
    }
}
