package kr.go.gg.training.query.audit.projection;

import static org.assertj.core.api.Assertions.assertThat;
import kr.go.gg.training.query.TestEnrolments;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import kr.go.gg.training.api.InvalidValueException;
import kr.go.gg.training.api.agreement.AgreementClassification;
import kr.go.gg.training.api.agreement.AgreementId;
import kr.go.gg.training.api.agreement.AgreementRecorded;
import kr.go.gg.training.api.agreement.Province;
import kr.go.gg.training.api.audit.AuditEntry;
import kr.go.gg.training.api.audit.AuditLog;
import kr.go.gg.training.api.audit.FindAuditLog;
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
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.enrollment.Trainee;
import kr.go.gg.training.api.enrollment.TraineeEnrolled;
import kr.go.gg.training.api.enrollment.TraineeId;
import kr.go.gg.training.api.enrollment.TraineeLevel;
import kr.go.gg.training.api.enrollment.TraineeWithdrawn;
import kr.go.gg.training.api.historical.HistoricalCourseImported;
import kr.go.gg.training.query.MongoProjectionTest;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AuditLogProjectionTest extends MongoProjectionTest {

    private static final String[] COLLECTIONS = {AuditLogProjection.AUDIT_LOG, AuditLogProjection.AUDIT_LOG_DAYS};
    private static final Instant DAY_ONE = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant DAY_TWO = Instant.parse("2024-03-02T00:00:00Z");

    private int minute;

    /** An event by that user, each one minute after the previous one, starting at {@code day}. */
    private EventMessage<?> by(String user, String type, String id, Object payload, Instant day) {
        return event(type, id, payload, day.plusSeconds(60L * (++minute)),
                Map.of(AuditLogProjection.USER, user, AuditLogProjection.CORRELATION_ID, "corr-" + minute));
    }

    private static List<String> actions(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::action).toList();
    }

    /** One event of every type shared-api defines, as a course's life would produce them, then an agreement. */
    private List<EventMessage<?>> everyKindOfEvent(String user, Instant day) {
        CourseId k = new CourseId("k1");
        CourseId c = new CourseId("c1");
        CourseId h = new CourseId("h1");
        var period = period("2024-05-06", "2024-05-17");
        Trainee trainee = new Trainee("Lan", "Viet Nam", "Ministry", "Director", TraineeLevel.MID_LEVEL);
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(by(user, "Course", "k1", new CourseProposed(k, "Smart city", Program.KOICA, Direction.INBOUND, "Peru", 20, 2024), day));
        events.add(by(user, "Course", "k1", new DemandSurveyRecorded(k, LocalDate.parse("2022-03-01")), day));
        events.add(by(user, "Course", "k1", new CourseSelected(k, LocalDate.parse("2023-03-01")), day));
        events.add(by(user, "Course", "k1", new ConsigneeInvitationPublished(k, 1, LocalDate.parse("2024-01-05")), day));
        events.add(by(user, "Course", "k1", new ConsigneeNotAwarded(k, LocalDate.parse("2024-01-20")), day));
        events.add(by(user, "Course", "k1", new ConsigneeAwarded(k, LocalDate.parse("2024-02-20")), day));
        events.add(by(user, "Course", "k1", new CourseScheduled(k, period), day));
        events.add(by(user, "Course", "k1", TestEnrolments.plain(k, new TraineeId("t1"), trainee, 1), day));
        events.add(by(user, "Course", "k1", TestEnrolments.plain(k, new TraineeId("t2"), trainee, 2), day));
        events.add(by(user, "Course", "k1", new TraineeWithdrawn(k, new TraineeId("t2"), "ill", 1), day));
        events.add(by(user, "Course", "k1", new CourseStarted(k, 1), day));
        events.add(by(user, "Course", "k1", new CourseCompleted(k, Program.KOICA, Direction.INBOUND, "Peru", period,
                List.of(new TraineeId("t1"))), day));
        events.add(by(user, "Course", "c1", new CourseProposed(c, "Rejected", Program.KOICA, Direction.INBOUND, "Laos", 9, 2024), day));
        events.add(by(user, "Course", "c1", new CourseRejected(c, LocalDate.parse("2023-03-01")), day));
        events.add(by(user, "Course", "c2", new CourseCancelled(new CourseId("c2"), "no budget", CourseStatus.PROPOSED), day));
        events.add(by(user, "Course", "h1", new HistoricalCourseImported(h, null, Program.CHINA_EXCHANGE, Direction.INBOUND,
                "Liaoning", period("2014-06-01", "2014-06-10"), 15, "seed"), day));
        events.add(by(user, "ExchangeAgreement", "a1", new AgreementRecorded(new AgreementId("a1"), Province.of("Hebei"),
                AgreementClassification.GENERAL, YearMonth.parse("2013-05")), day));
        return events;
    }

    /**
     * Delivers events the way a tracking processor does: each carries its position in {@link #stream} as its
     * tracking token (the global index the projection computes the chunk from).
     */
    private void feed(Object projection, List<? extends EventMessage<?>> events) {
        deliver(projection, events.stream().map(this::tracked).toList());
    }

    private void feed(Object projection, EventMessage<?>... events) {
        feed(projection, Arrays.asList(events));
    }

    private final Map<String, Integer> positions = new HashMap<>();

    private EventMessage<?> tracked(EventMessage<?> event) {
        if (positions.size() < stream.size()) {
            for (int i = positions.size(); i < stream.size(); i++) {
                positions.put(stream.get(i).getIdentifier(), i);
            }
        }
        Integer position = positions.get(event.getIdentifier());
        if (position == null) {
            throw new AssertionError("not in the stream: " + event);
        }
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                (DomainEventMessage<?>) event);
    }

    /** A replay as the base class does it, with tracked events. */
    @Override
    protected void replay(Object projection, int batchSize) {
        new AnnotationEventHandlerAdapter(projection).prepareReset();
        for (String name : database.listCollectionNames()) {
            assertThat(database.getCollection(name).countDocuments()).as(name).isZero();
        }
        for (int i = 0; i < stream.size(); i += batchSize) {
            feed(projection, stream.subList(i, Math.min(stream.size(), i + batchSize)));
        }
    }

    @Test
    void everyKindOfEventLandsWithUserActionAndWhatItConcerns() {
        AuditLogProjection projection = new AuditLogProjection(database);
        List<EventMessage<?>> staffDayOne = everyKindOfEvent("staff", DAY_ONE);
        feed(projection, staffDayOne);
        EventMessage<?> adminDayTwo = by("admin", "Course", "k1", new CourseStarted(new CourseId("k1"), 1), DAY_TWO);
        EventMessage<?> nobody = event("Course", "x1", new CourseCancelled(new CourseId("x1"), "legacy", CourseStatus.PROPOSED),
                DAY_TWO.plusSeconds(7200), Map.of());
        feed(projection, adminDayTwo, nobody);

        List<AuditEntry> staff = projection.handle(new FindAuditLog("staff", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-02"))).entries();
        assertThat(actions(staff)).containsExactly("CourseProposed", "DemandSurveyRecorded", "CourseSelected",
                "ConsigneeInvitationPublished", "ConsigneeNotAwarded", "ConsigneeAwarded", "CourseScheduled",
                "TraineeEnrolled", "TraineeEnrolled", "TraineeWithdrawn", "CourseStarted", "CourseCompleted",
                "CourseProposed", "CourseRejected", "CourseCancelled", "HistoricalCourseImported", "AgreementRecorded");
        assertThat(staff).allSatisfy(e -> assertThat(e.user()).isEqualTo("staff"));
        for (int i = 0; i < staff.size(); i++) {
            EventMessage<?> sent = staffDayOne.get(i);
            AuditEntry entry = staff.get(i);
            assertThat(entry.eventId()).isEqualTo(sent.getIdentifier());
            assertThat(entry.timestamp()).isEqualTo(sent.getTimestamp());
            assertThat(entry.correlationId()).isEqualTo(sent.getMetaData().get("correlationId"));
        }
        AuditEntry proposed = staff.get(0);
        assertThat(proposed.courseId()).isEqualTo("k1");
        assertThat(proposed.agreementId()).isNull();
        assertThat(proposed.aggregateType()).isEqualTo("Course");
        assertThat(proposed.aggregateId()).isEqualTo("k1");
        assertThat(proposed.sequence()).isZero();
        assertThat(staff.get(11).sequence()).isEqualTo(11L);
        AuditEntry agreement = staff.get(16);
        assertThat(agreement.courseId()).isNull();
        assertThat(agreement.agreementId()).isEqualTo("a1");
        assertThat(agreement.aggregateType()).isEqualTo("ExchangeAgreement");

        // by user and day: the range filters by the event's UTC day
        assertThat(projection.handle(new FindAuditLog("staff", LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-31"))).entries()).isEmpty();
        assertThat(actions(projection.handle(new FindAuditLog("admin", LocalDate.parse("2024-02-01"), LocalDate.parse("2024-03-02"))).entries()))
                .containsExactly("CourseStarted");
        assertThat(projection.handle(new FindAuditLog("nobody", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-02"))).entries()).isEmpty();
        // all users: everybody's entries, oldest first, including an event whose metadata names no user
        List<AuditEntry> everybody = projection.handle(new FindAuditLog(null, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-02"))).entries();
        assertThat(everybody).hasSize(19);
        assertThat(everybody.subList(0, 17)).isEqualTo(staff);
        assertThat(everybody.get(17).user()).isEqualTo("admin");
        assertThat(everybody.get(18).user()).isNull();
        assertThat(everybody.get(18).correlationId()).isNull();
        assertThat(projection.handle(new FindAuditLog(" ", LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-02"))).entries())
                .isEqualTo(everybody.subList(17, 19));
    }

    @Test
    void aRedeliveredEventLeavesOneEntryAndAReplayRebuildsIdenticalDocuments() {
        AuditLogProjection projection = new AuditLogProjection(database);
        List<EventMessage<?>> events = everyKindOfEvent("staff", DAY_ONE);
        feed(projection, events.subList(0, 10));
        feed(projection, events.subList(5, events.size())); // re-delivered from an older token: 5 events again
        feed(projection, events.get(0), events.get(0)); // twice in one batch, again
        var once = documents(COLLECTIONS);
        List<AuditEntry> entries = projection.handle(new FindAuditLog("staff", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"))).entries();
        assertThat(entries).hasSize(events.size());
        assertThat(entries.stream().map(AuditEntry::eventId).distinct()).hasSize(events.size());

        replay(projection, 4);
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
        replay(projection, 1000);
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
    }

    @Test
    void aBusyDayIsSplitIntoChunksThatStayIdempotent() {
        AuditLogProjection projection = new AuditLogProjection(database, 3);
        List<EventMessage<?>> events = everyKindOfEvent("bench", DAY_ONE); // 17 events: chunks of 3, 3, ..., 2
        feed(projection, events.subList(0, 7));
        feed(projection, events.subList(7, events.size()));
        assertThat(database.getCollection(AuditLogProjection.AUDIT_LOG).countDocuments()).isEqualTo(6);
        assertThat(database.getCollection(AuditLogProjection.AUDIT_LOG_DAYS).find().first().getList("users", org.bson.Document.class))
                .singleElement().satisfies(u -> assertThat(u.getList("chunks", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5));
        var once = documents(COLLECTIONS);

        feed(projection, events.get(1), events.get(8), events.get(16)); // in the first, a middle and the last chunk
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
        List<AuditEntry> entries = projection.handle(new FindAuditLog("bench", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"))).entries();
        assertThat(entries.stream().map(AuditEntry::eventId).toList())
                .containsExactlyElementsOf(events.stream().map(EventMessage::getIdentifier).toList());

        replay(projection, 5);
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
    }

    /** The database, with every {@code find} and {@code bulkWrite} on its collections counted. */
    private MongoDatabase counting(Map<String, Integer> calls) {
        return proxy(MongoDatabase.class, database, (method, result) -> {
            if (method.getName().equals("getCollection")) {
                return proxy(MongoCollection.class, result, (m, r) -> {
                    if (m.getName().equals("find") || m.getName().equals("bulkWrite")) {
                        calls.merge(m.getName(), 1, Integer::sum);
                    }
                    return r;
                });
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, BiFunction<Method, Object, Object> after) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Test
    void aBusyDayCostsRoundTripsLinearInItsEventsAndAnOldEventRedeliveredIsOverwritten() {
        Map<String, Integer> calls = new HashMap<>();
        int chunkSize = 50;
        int batchSize = 10;
        AuditLogProjection projection = new AuditLogProjection(counting(calls), chunkSize);
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String user = i % 7 == 0 ? "importer" : "bench"; // two users sharing the index ranges
            events.add(event("Course", "k" + (i % 40), new CourseStarted(new CourseId("k" + (i % 40)), 1),
                    DAY_ONE.plusSeconds(i), Map.of(AuditLogProjection.USER, user)));
        }
        List<Integer> findsPerHalf = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            calls.clear();
            for (int i = half * 2_500; i < (half + 1) * 2_500; i += batchSize) {
                feed(projection, events.subList(i, i + batchSize));
            }
            // per batch: at most the day's index (remembered from the last committed batch, BatchedCollection);
            // the chunks are upserted by path, never read
            int batches = 2_500 / batchSize;
            assertThat(calls.getOrDefault("find", 0)).as("finds, half " + half).isLessThanOrEqualTo(3 * batches);
            assertThat(calls.getOrDefault("bulkWrite", 0)).as("bulk writes, half " + half).isLessThanOrEqualTo(2 * batches);
            findsPerHalf.add(calls.getOrDefault("find", 0));
        }
        // the second half of the day costs what the first did: no re-reading of the chunks already written
        assertThat(findsPerHalf.get(1)).isLessThanOrEqualTo(findsPerHalf.get(0));

        MongoCollection<Document> log = database.getCollection(AuditLogProjection.AUDIT_LOG);
        long chunks = log.countDocuments();
        assertThat(log.find()).allSatisfy(c -> assertThat(c.get("entries", Document.class)).hasSizeLessThanOrEqualTo(chunkSize));
        var once = documents(COLLECTIONS);
        List<String> ids = events.stream().map(EventMessage::getIdentifier).toList();
        FindAuditLog day = new FindAuditLog(null, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"));
        assertThat(projection.handle(day).entries().stream().map(AuditEntry::eventId).toList()).isEqualTo(ids);

        // re-delivered from an old token: overwritten in its own chunk, read by _id alone, never appended again
        calls.clear();
        feed(projection, events.get(3), events.get(2_222), events.get(4_999));
        assertThat(calls.getOrDefault("find", 0)).isLessThanOrEqualTo(1 + 3);
        assertThat(log.countDocuments()).isEqualTo(chunks);
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
        assertThat(projection.handle(day).entries().stream().map(AuditEntry::eventId).toList()).isEqualTo(ids);
        assertThat(projection.handle(new FindAuditLog("importer", LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01"))).entries())
                .hasSize(715).allSatisfy(e -> assertThat(e.user()).isEqualTo("importer"));

        replay(projection, 333);
        assertThat(documents(COLLECTIONS)).isEqualTo(once);
    }

    /**
     * Two segments (Axon's default sequencing: by aggregate) handled at once by two threads on one projection, as two
     * processor threads or two nodes do, with caches off: events of every day and user fall into both segments, so
     * both write the same day indexes and chunks concurrently. Nothing of either is lost: the documents (up to the
     * order of the users in a day's index, which depends on who came first) and every answer are what one segment
     * writes.
     */
    @Test
    void twoSegmentsWritingTheSameDaysAndChunksAtOnceLoseNothing() throws Exception {
        AuditLogProjection projection = new AuditLogProjection(database, 7);
        List<String> users = List.of("staff", "admin", "importer");
        for (int i = 0; i < 1_500; i++) {
            String course = "k" + (i % 37);
            events(course, i, users.get(i % 3 == 0 ? 0 : (i % 5) % 3));
        }
        List<EventMessage<?>> tracked = stream.stream().map(this::tracked).toList();
        org.axonframework.eventhandling.Segment[] segments = org.axonframework.eventhandling.Segment.ROOT_SEGMENT.split();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(segments.length);
        for (org.axonframework.eventhandling.Segment segment : segments) {
            List<EventMessage<?>> mine = tracked.stream()
                    .filter(e -> segment.matches(((DomainEventMessage<?>) e).getAggregateIdentifier())).toList();
            assertThat(mine).hasSizeBetween(300, 1_200);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    java.util.Random sizes = new java.util.Random(segment.getSegmentId());
                    for (int i = 0; i < mine.size(); ) {
                        int end = Math.min(mine.size(), i + 1 + sizes.nextInt(12));
                        deliverAsSegment(projection, mine.subList(i, end));
                        i = end;
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(failures).isEmpty();
        var twoSegments = normalised(documents(COLLECTIONS));
        List<List<AuditEntry>> twoAnswers = answers(projection, users);

        AuditLogProjection oneSegment = new AuditLogProjection(database, 7);
        replay(oneSegment, 10);
        assertThat(normalised(documents(COLLECTIONS))).isEqualTo(twoSegments);
        assertThat(answers(oneSegment, users)).isEqualTo(twoAnswers);
        assertThat(twoAnswers.get(0)).hasSize(stream.size());
    }

    private void events(String course, int i, String user) {
        event("Course", course, new CourseStarted(new CourseId(course), 1),
                DAY_ONE.plusSeconds(60L * i), Map.of(AuditLogProjection.USER, user));
    }

    private static List<List<AuditEntry>> answers(AuditLogProjection projection, List<String> users) {
        List<List<AuditEntry>> answers = new ArrayList<>();
        for (String user : java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null), users.stream()).toList()) {
            answers.add(projection.handle(new FindAuditLog(user, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-03"))).entries());
        }
        return answers;
    }

    /** The day indexes' users in user order (the order two segments pushed them in is either). */
    private static Map<String, List<Document>> normalised(Map<String, List<Document>> documents) {
        for (Document day : documents.get(AuditLogProjection.AUDIT_LOG_DAYS)) {
            List<Document> users = new ArrayList<>(day.getList("users", Document.class));
            users.sort(java.util.Comparator.comparing(u -> u.getString("user")));
            day.put("users", users);
        }
        return documents;
    }

    /** One batch of one segment's thread: as the module's processor runs it with more than one segment. */
    private static void deliverAsSegment(Object projection, List<EventMessage<?>> events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        org.axonframework.messaging.unitofwork.BatchingUnitOfWork<EventMessage<?>> uow =
                new org.axonframework.messaging.unitofwork.BatchingUnitOfWork<>(new ArrayList<>(events));
        uow.resources().put(kr.go.gg.training.query.platform.readmodel.BatchedCollection.SEVERAL_SEGMENTS, Boolean.TRUE);
        var result = uow.executeWithResult(() -> adapter.handle(uow.getMessage()),
                org.axonframework.messaging.unitofwork.RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError("batch failed", result.exceptionResult());
        }
    }

    @Test
    void anEventWithoutAPositionInTheStreamIsRefused() {
        AuditLogProjection projection = new AuditLogProjection(database);
        EventMessage<?> untracked = by("staff", "Course", "k1", new CourseStarted(new CourseId("k1"), 1), DAY_ONE);
        assertThatThrownBy(() -> deliver(projection, untracked)).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aQueryNeedsAnOrderedRangeOfAtMost366Days() {
        LocalDate from = LocalDate.parse("2024-01-01");
        assertThat(new FindAuditLog("", from, from.plusDays(365)).user()).isNull(); // 2024 is a leap year: 366 days
        assertThatThrownBy(() -> new FindAuditLog("staff", from, from.plusDays(366)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> new FindAuditLog("staff", from, from.minusDays(1)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> new FindAuditLog("staff", null, from))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }
}
