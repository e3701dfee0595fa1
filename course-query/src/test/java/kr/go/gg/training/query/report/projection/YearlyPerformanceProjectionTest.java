package kr.go.gg.training.query.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.go.gg.training.api.cost.CommissionRecorded;
import kr.go.gg.training.api.course.CourseCompleted;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.api.report.FindYearlyPerformance;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Count;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Group;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Row;
import kr.go.gg.training.api.report.YearlyPerformanceReport.Year;
import kr.go.gg.training.api.report.YearlyPerformanceReport;
import kr.go.gg.training.query.MongoProjectionTest;
import kr.go.gg.training.query.platform.readmodel.ClaimWatchingTokenStore;
import kr.go.gg.training.query.platform.readmodel.ReadModelClaim;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.bson.Document;

class YearlyPerformanceProjectionTest extends MongoProjectionTest {

    private QueryUpdateEmitter emitter;
    private YearlyPerformanceProjection projection;

    @BeforeEach
    void setUp() {
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new YearlyPerformanceProjection(database, emitter, new ReadModelClaim());
    }

    private HistoricalCourseImported imported(String id, Program program, Direction direction, String partner,
                                              String start, String end, int people) {
        return new HistoricalCourseImported(new CourseId(id), null, program, direction, partner, period(start, end), people, "seed");
    }

    private CourseCompleted completed(String id, Program program, Direction direction, String partner,
                                      String start, String end, int people) {
        List<TraineeId> participants = java.util.stream.IntStream.range(0, people)
                .mapToObj(i -> new TraineeId(id + "-t" + i)).toList();
        return new CourseCompleted(new CourseId(id), program, direction, partner, period(start, end), participants);
    }

    private void seed() {
        deliver(projection,
                event("a", imported("a", Program.CHINA_EXCHANGE, Direction.INBOUND, "Liaoning", "2016-06-29", "2016-07-12", 15)),
                event("b", imported("b", Program.KOICA, Direction.INBOUND, "Ethiopia", "2016-09-05", "2016-09-23", 20)),
                event("c", imported("c", Program.CHINA_EXCHANGE, Direction.INBOUND, "Jiangsu", "2016-03-02", "2016-03-11", 10)),
                event("o", imported("o", Program.CHINA_EXCHANGE, Direction.OUTBOUND, "Shandong", "2016-10-10", "2016-10-14", 16)),
                event("d", imported("d", Program.KOICA, Direction.INBOUND, "Laos", "2015-04-01", "2015-04-10", 18)));
    }

    @Test
    void groupsRowsAndTotalsAreComputedFromTheRowsNewestYearFirst() {
        seed();
        YearlyPerformanceReport report = projection.handle(new FindYearlyPerformance(null, null));
        assertThat(report.years()).extracting(Year::year).containsExactly(2016, 2015);
        Year y2016 = report.years().get(0);
        assertThat(y2016).isEqualTo(new Year(2016, 3, 45, List.of(
                new Group(Program.CHINA_EXCHANGE, "China", "Independent Project", 2, 25, List.of(
                        new Row("c", "Jiangsu", LocalDate.parse("2016-03-02"), LocalDate.parse("2016-03-11"), 10),
                        new Row("a", "Liaoning", LocalDate.parse("2016-06-29"), LocalDate.parse("2016-07-12"), 15))),
                new Group(Program.KOICA, "Developing Countries", "KOICA Cost Sharing", 1, 20, List.of(
                        new Row("b", "Ethiopia", LocalDate.parse("2016-09-05"), LocalDate.parse("2016-09-23"), 20)))),
                new Count(1, 16)));
        Year y2015 = report.years().get(1);
        assertThat(y2015.courses()).isEqualTo(1);
        assertThat(y2015.groups().get(0).rows()).isEmpty();
        assertThat(y2015.outbound()).isEqualTo(new Count(0, 0));

        assertThat(projection.handle(new FindYearlyPerformance(2015, 2015)).years()).extracting(Year::year).containsExactly(2015);
        assertThat(projection.handle(new FindYearlyPerformance(2016, null)).years()).extracting(Year::year).containsExactly(2016);
        assertThat(projection.handle(new FindYearlyPerformance(2017, 2020)).years()).isEmpty();
    }

    @Test
    void aLiveCourseCountsItsParticipantsWhenCompleted() {
        deliver(projection, event("l", completed("l", Program.KOICA, Direction.INBOUND, "Peru", "2026-05-04", "2026-05-15", 3)));
        Year year = projection.handle(new FindYearlyPerformance(2026, 2026)).years().get(0);
        assertThat(year.people()).isEqualTo(3);
        assertThat(year.groups().get(1).rows()).containsExactly(
                new Row("l", "Peru", LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-15"), 3));
    }

    @Test
    void duplicateDeliveryAndReplayLeaveTheSameDocuments() {
        seed();
        var once = documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS);
        YearlyPerformanceReport report = projection.handle(new FindYearlyPerformance(null, null));
        deliver(projection, stream);
        deliver(projection, stream.get(0), stream.get(0));
        assertThat(documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS)).isEqualTo(once);
        replay(projection, 2);
        assertThat(documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS)).isEqualTo(once);
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(report);
    }

    @Test
    void subscribersInRangeGetTheNewReportAfterTheBatchCommits() {
        seed();
        var inRange = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindYearlyPerformance(2016, 2016),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class), ResponseTypes.instanceOf(YearlyPerformanceReport.class)), 16);
        var outOfRange = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindYearlyPerformance(2010, 2012),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class), ResponseTypes.instanceOf(YearlyPerformanceReport.class)), 16);

        deliver(projection, event("n", completed("n", Program.CHINA_EXCHANGE, Direction.INBOUND, "Hebei", "2016-11-01", "2016-11-05", 4)),
                event("m", completed("m", Program.CHINA_EXCHANGE, Direction.INBOUND, "Hebei", "2016-12-01", "2016-12-05", 2)));
        emitter.complete(q -> true);

        List<YearlyPerformanceReport> updates = inRange.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload)
                .map(YearlyPerformanceReport.class::cast).collectList().block(Duration.ofSeconds(5));
        assertThat(updates).hasSize(1); // one per batch, not per event
        Year y2016 = updates.get(0).within(2016, 2016).years().get(0);
        assertThat(y2016.people()).isEqualTo(51);
        assertThat(outOfRange.getUpdates().collectList().block(Duration.ofSeconds(5))).isEmpty();
    }

    /** Issue 17: the update re-read every changed year after every batch, a third of the wire server's work. */
    @Test
    void withoutASubscriberABatchAssemblesNoReport() {
        long[] now = {0};
        projection = new YearlyPerformanceProjection(database, emitter, () -> now[0], new ReadModelClaim());
        seed();
        var elsewhere = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindYearlyPerformance(2010, 2012),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class), ResponseTypes.instanceOf(YearlyPerformanceReport.class)), 16);

        deliver(projection, event("n", completed("n", Program.KOICA, Direction.INBOUND, "Peru", "2016-11-01", "2016-11-05", 4)));
        // another node's write to 2016 after the batch: a report assembled for the batch would have cached 2016 without it
        database.getCollection(YearlyPerformanceProjection.ROWS).insertOne(YearAssembly.row(new CourseId("e"), Program.KOICA,
                Direction.INBOUND, "Nepal", period("2016-05-01", "2016-05-09"), 3));

        assertThat(projection.handle(new FindYearlyPerformance(2016, 2016)).years().get(0).people()).isEqualTo(45 + 4 + 3);
        emitter.complete(q -> true);
        assertThat(elsewhere.getUpdates().collectList().block(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aCachedYearIsReplacedWhenABatchChangesIt() {
        seed();
        assertThat(projection.handle(new FindYearlyPerformance(2016, 2016)).years().get(0).people()).isEqualTo(45);
        assertThat(projection.handle(new FindYearlyPerformance(2016, 2016)).years().get(0).people()).isEqualTo(45); // cached

        deliver(projection, event("n", completed("n", Program.KOICA, Direction.INBOUND, "Peru", "2016-11-01", "2016-11-05", 4)),
                event("x", completed("x", Program.KOICA, Direction.INBOUND, "Peru", "2017-02-01", "2017-02-05", 2)));

        YearlyPerformanceReport report = projection.handle(new FindYearlyPerformance(null, null));
        assertThat(report.years()).extracting(Year::year).containsExactly(2017, 2016, 2015);
        Year y2016 = report.years().get(1);
        assertThat(y2016.people()).isEqualTo(49);
        assertThat(y2016.groups().get(1).rows()).extracting(Row::courseId).containsExactly("b", "n");
        assertThat(report.years().get(0).people()).isEqualTo(2);
    }

    @Test
    void withoutTheClaimTheCacheAnswersWithinItsTtlAndResetClearsIt() {
        long[] now = {0};
        projection = new YearlyPerformanceProjection(database, emitter, () -> now[0], new ReadModelClaim());
        seed();
        YearlyPerformanceReport before = projection.handle(new FindYearlyPerformance(null, null));

        // another node's processor rewrites a year: this node's cache answers until its TTL
        database.getCollection(YearlyPerformanceProjection.ROWS).updateOne(new Document("_id", "2015:d"),
                new Document("$set", new Document("people", 7)));
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(before);
        now[0] += YearCache.CACHE_TTL_NANOS;
        assertThat(projection.handle(new FindYearlyPerformance(2015, 2015)).years().get(0).people()).isEqualTo(7);

        // a reset clears the cache: the rebuilt report is read again
        new org.axonframework.eventhandling.AnnotationEventHandlerAdapter(projection).prepareReset();
        assertThat(projection.handle(new FindYearlyPerformance(null, null)).years()).isEmpty();
        deliver(projection, event("a", imported("a", Program.CHINA_EXCHANGE, Direction.INBOUND, "Liaoning", "2016-06-29", "2016-07-12", 15)));
        YearlyPerformanceReport rebuilt = projection.handle(new FindYearlyPerformance(null, null));
        assertThat(rebuilt.years()).extracting(Year::year).containsExactly(2016);
        assertThat(rebuilt.years().get(0).people()).isEqualTo(15);
    }

    @Test
    void aYearReadWhileThisNodeHoldsTheClaimStaysCachedPastTheTtlUntilTheClaimChangesHands() {
        long[] now = {0};
        ReadModelClaim claim = new ReadModelClaim();
        ClaimWatchingTokenStore tokens = new ClaimWatchingTokenStore(new InMemoryTokenStore(), claim);
        tokens.initializeTokenSegments("read-models", 1);
        tokens.fetchToken("read-models", 0); // this node's processor claims its segment
        projection = new YearlyPerformanceProjection(database, emitter, () -> now[0], claim);
        seed();
        YearlyPerformanceReport before = projection.handle(new FindYearlyPerformance(null, null));

        // nobody else writes while this node holds the claim: what it cached stays exact however old
        now[0] += 10 * YearCache.CACHE_TTL_NANOS;
        database.getCollection(YearlyPerformanceProjection.ROWS).updateOne(new Document("_id", "2015:d"),
                new Document("$set", new Document("people", 7))); // (a write no node would make: proves no re-read)
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(before);

        // nor is the list of years re-read: a year document no node would write stays unseen
        database.getCollection(YearlyPerformanceProjection.YEARS).insertOne(new Document("_id", 2030).append("year", 2030));
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(before);

        // this node's own commit of a new year lists the years again
        deliver(projection, event("n", imported("n", Program.KOICA, Direction.INBOUND, "Nepal", "2018-05-01", "2018-05-09", 9)));
        assertThat(projection.handle(new FindYearlyPerformance(null, null)).years()).extracting(Year::year)
                .containsExactly(2030, 2018, 2016, 2015);

        // the claim is released (shutdown, lost to another node): cached years fall back to the TTL
        tokens.releaseClaim("read-models", 0);
        assertThat(projection.handle(new FindYearlyPerformance(2015, 2015)).years().get(0).people()).isEqualTo(7);
    }

    @Test
    void withSeveralSegmentsTheClaimNeverMakesTheCacheExactAndTheUpdateIsReadWholeFromMongo() {
        long[] now = {0};
        ReadModelClaim claim = new ReadModelClaim(true);
        ClaimWatchingTokenStore tokens = new ClaimWatchingTokenStore(new InMemoryTokenStore(), claim);
        tokens.initializeTokenSegments("read-models", 2);
        tokens.fetchToken("read-models", 0); // this node's processor claims one of two segments
        projection = new YearlyPerformanceProjection(database, emitter, () -> now[0], claim);
        seed();
        var subscription = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindYearlyPerformance(null, null),
                ResponseTypes.instanceOf(YearlyPerformanceReport.class), ResponseTypes.instanceOf(YearlyPerformanceReport.class)), 16);
        projection.handle(new FindYearlyPerformance(null, null)); // every year cached

        // the other segment (another thread or node) adds a row to 2015 and a new year: not through this cache
        database.getCollection(YearlyPerformanceProjection.ROWS).insertOne(YearAssembly.row(new CourseId("e"), Program.KOICA,
                Direction.INBOUND, "Nepal", period("2015-05-01", "2015-05-09"), 3));
        database.getCollection(YearlyPerformanceProjection.YEARS).insertOne(new Document("_id", 2030).append("year", 2030));

        // this segment's batch changes 2016: the update it sends is the whole report as MongoDB holds it
        deliver(projection, event("n", imported("n", Program.KOICA, Direction.INBOUND, "Nepal", "2016-05-01", "2016-05-09", 9)));
        emitter.complete(q -> true);
        List<YearlyPerformanceReport> updates = subscription.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload)
                .map(YearlyPerformanceReport.class::cast).collectList().block(Duration.ofSeconds(5));
        assertThat(updates).hasSize(1);
        YearlyPerformanceReport sent = updates.get(0);
        assertThat(sent.years()).extracting(Year::year).containsExactly(2030, 2016, 2015);
        assertThat(sent.years().get(2).people()).isEqualTo(21);
        assertThat(sent.years().get(1).people()).isEqualTo(54);
        // a query within the TTL may still answer from the cache; past it, MongoDB's rows
        now[0] += YearCache.CACHE_TTL_NANOS;
        assertThat(projection.handle(new FindYearlyPerformance(null, null))).isEqualTo(sent);
    }

    /** Issue 17: an update costs the same at 1 or 300 courses a year (the year document held every row). */
    @Test
    void noDocumentGrowsWithTheNumberOfCoursesOfAYear() {
        deliver(projection, event("c000", imported("c000", Program.KOICA, Direction.INBOUND, "Peru", "2030-05-04", "2030-05-15", 9)));
        int alone = largestDocument();
        for (int c = 1; c < 300; c++) {
            String id = "c%03d".formatted(c);
            deliver(projection, event(id, imported(id, Program.KOICA, Direction.INBOUND, "Peru", "2030-05-04", "2030-05-15", 9)));
        }
        assertThat(largestDocument()).isEqualTo(alone);
        assertThat(projection.handle(new FindYearlyPerformance(2030, 2030)).years().get(0).people()).isEqualTo(2700);
    }

    /** The largest document of the report's collections, in JSON characters. */
    private int largestDocument() {
        return documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS).values().stream()
                .flatMap(List::stream).mapToInt(d -> d.toJson().length()).max().orElse(0);
    }

    @Test
    void theConsignmentCommissionsOfAYearsKoicaCoursesAreItsNonTaxRevenueTheLatestRecordCounting() {
        seed();
        CourseId b = new CourseId("b");
        CourseId k = new CourseId("k");
        deliver(projection, event("b", new CommissionRecorded(b, 25_000_000L, LocalDate.parse("2016-10-01"), 2016)),
                event("b", new CommissionRecorded(b, 26_000_000L, LocalDate.parse("2016-10-05"), 2016)),
                event("k", new CommissionRecorded(k, 40_000_000L, LocalDate.parse("2018-02-01"), 2017)));
        YearlyPerformanceReport report = projection.handle(new FindYearlyPerformance(null, null));
        assertThat(report.years()).extracting(Year::year, Year::nonTaxRevenue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2017, 40_000_000L),
                        org.assertj.core.groups.Tuple.tuple(2016, 26_000_000L), org.assertj.core.groups.Tuple.tuple(2015, 0L));
        assertThat(report.years().get(0).courses()).as("a year with only a commission: its course not completed yet").isZero();
        assertThat(report.years().get(1).courses()).isEqualTo(3);

        Map<String, List<Document>> before = documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS);
        replay(projection, 2);
        assertThat(documents(YearlyPerformanceProjection.ROWS, YearlyPerformanceProjection.YEARS)).isEqualTo(before);
    }
}
