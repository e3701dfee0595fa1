package kr.go.gg.training.query.agreement.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.AgreementView;
import kr.go.gg.training.api.agreement.FindAgreements;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.query.MongoProjectionTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AgreementProjectionTest extends MongoProjectionTest {

    private AgreementProjection projection;

    @BeforeEach
    void setUp() {
        // 2013-05-01 00:30 in Seoul is still April in UTC: "in force" follows Seoul's calendar
        Clock clock = Clock.fixed(Instant.parse("2013-04-30T15:30:00Z"), ZoneOffset.UTC);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        projection = new AgreementProjection(database, beans.getBeanProvider(Clock.class));
    }

    private AgreementRecorded agreement(String id, String province, AgreementClassification classification, String signedOn) {
        return new AgreementRecorded(new AgreementId(id), Province.of(province), classification, YearMonth.parse(signedOn));
    }

    @Test
    void everyAgreementWithWhetherItIsInForceInSeoul() {
        var liaoning = event("l", agreement("l", "Liaoning Province", AgreementClassification.GENERAL, "2001-04"));
        deliver(projection, liaoning,
                event("s", agreement("s", "Shandong", AgreementClassification.GENERAL, "2013-05")),
                event("x", agreement("x", "Zhejiang", AgreementClassification.EXECUTIVES, "2013-06")));
        assertThat(projection.handle(new FindAgreements()).agreements()).containsExactly(
                new AgreementView("l", "Liaoning", AgreementClassification.GENERAL, YearMonth.parse("2001-04"), true),
                new AgreementView("s", "Shandong", AgreementClassification.GENERAL, YearMonth.parse("2013-05"), true),
                new AgreementView("x", "Zhejiang", AgreementClassification.EXECUTIVES, YearMonth.parse("2013-06"), false));

        var once = documents(AgreementProjection.AGREEMENTS);
        deliver(projection, liaoning, liaoning);
        assertThat(documents(AgreementProjection.AGREEMENTS)).isEqualTo(once);
        replay(projection, 2);
        assertThat(documents(AgreementProjection.AGREEMENTS)).isEqualTo(once);
    }
}
