package kr.go.gg.training.query.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.time.Instant;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelFolds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Folds as of an instant are bounded per node: one more than {@code course.query.as-of.max-folds} is a 429 at once. */
class ReportAsOfLimitHttpTest extends QueryApplicationTest {

    @Autowired
    ReadModelFolds folds;

    @Test
    void aReportAsOfAnInstantWhileEveryFoldIsTakenIsTooManyRequestsWithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Object>> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // course.query.as-of.max-folds
                held.add(folds.fold(ProcessingGroups.YEARLY_PERFORMANCE, Instant.now(), database -> {
                    await(release);
                    return database.getName();
                }));
            }
            assertThatThrownBy(() -> folds.fold(ProcessingGroups.YEARLY_PERFORMANCE, Instant.now(), database -> 0))
                    .isInstanceOf(ReadModelFolds.Busy.class);
            HttpResponse<String> refused = get("viewer", "/api/reports/yearly-performance?asOf=2016-06-29T09:00:00Z");
            assertProblem(refused, 429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(body(refused).get("detail").asText()).contains("retry");
        } finally {
            release.countDown();
        }
        CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).join();
        assertThat(held.get(0).join()).isNotEqualTo(held.get(1).join()); // each fold had a database of its own
        assertThat(get("viewer", "/api/reports/yearly-performance?asOf=2016-06-29T09:00:00Z").statusCode()).isEqualTo(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
