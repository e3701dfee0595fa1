package kr.go.gg.training.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.CourseStatus;
import kr.go.gg.training.api.course.CourseSummary;
import kr.go.gg.training.api.course.FindCourse;

/**
 * Workload 4, the projection lag: from the last acknowledged command of workload 1 until every streaming processor
 * has handled the newest event and the last completed course reads back COMPLETED through the query side.
 */
final class ProjectionLag {

    private final BenchRun run;
    private boolean queryUnavailableNoted;

    ProjectionLag(BenchRun run) {
        this.run = run;
    }

    void measure(SystemUnderTest sut, CommandLoad.Result workload) {
        long head = sut.headIndex();
        QueryGateway queries = sut.queryGateway();
        CourseId last = workload.lastCourse();
        long acked = workload.commands().lastAckNanos();
        Map<String, Long> atHead = new TreeMap<>();
        Map<String, Long> behind = new TreeMap<>();
        sut.streamingProcessors().forEach((name, processor) -> behind.put(name, sut.behind(processor, head)));
        long seen = SystemUnderTest.awaitNanos(() -> {
            sut.streamingProcessors().forEach((name, processor) -> {
                if (!atHead.containsKey(name) && sut.processorAt(processor, head)) {
                    atHead.put(name, System.nanoTime());
                }
            });
            return atHead.size() == sut.streamingProcessors().size() && courseCompleted(queries, last);
        }, SystemUnderTest.WAIT, 200, () -> System.err.println("bench: " + sut.describePositions()));
        StringBuilder each = new StringBuilder("lag: events behind the head when the load ended, and ms from the last"
                + " acknowledged command until at the head:");
        atHead.forEach((name, at) -> each.append(String.format(Locale.ROOT, " %s %d events %.0f ms;", name,
                behind.get(name), Math.max(0, at - acked) / 1e6)));
        run.figures().note(each.toString());
        run.figures().put("lag_ms", Math.max(0, seen - workload.commands().lastAckNanos()) / 1e6, 1, "ms",
                "last acknowledged command until every read model shows it");
        run.figures().put("processors", sut.streamingProcessors().size(), 0, "", "streaming event processors (read models)");
        run.figures().note("processors: " + String.join(", ", sut.streamingProcessors().keySet()));
    }

    private boolean courseCompleted(QueryGateway queries, CourseId id) {
        try {
            CourseSummary summary = queries.query(new FindCourse(id.value()), ResponseTypes.instanceOf(CourseSummary.class)).get();
            return summary != null && summary.status() == CourseStatus.COMPLETED;
        } catch (ExecutionException | RuntimeException e) {
            if (!queryUnavailableNoted) {
                queryUnavailableNoted = true;
                run.figures().note("lag: FindCourse failed (" + e + "); lag measured by processor positions only");
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
