package kr.go.gg.training.standalone;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 16 clients race 200 enrolments into a course of capacity 20: exactly 20 get in, the rest are refused cleanly. */
class ConcurrentEnrolmentTest extends StandaloneTestBase {

    @Test
    void concurrent_enrolments_never_exceed_the_capacity() throws Exception {
        api.post("staff", "/api/agreements", "{\"province\":\"Jiangsu\",\"classification\":\"GENERAL\",\"signedOn\":\"2013-01\"}");
        HttpApi.Answer proposed = api.post("staff", "/api/courses", """
                {"title":"Race","program":"CHINA_EXCHANGE","direction":"INBOUND","partner":"Jiangsu Province","capacity":20}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String course = "/api/courses/" + proposed.json().get("courseId").asText();
        assertThat(api.post("staff", course + "/schedule", "{\"startDate\":\"2021-04-13\",\"endDate\":\"2021-04-26\"}").status())
                .isEqualTo(204);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger attempt = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<? extends Future<?>> running = IntStream.range(0, 16).mapToObj(client -> clients.submit(() -> {
            HttpApi own = new HttpApi(port);
            for (int n = attempt.getAndIncrement(); n < 200; n = attempt.getAndIncrement()) {
                HttpApi.Answer answer = own.post("staff", course + "/trainees", """
                        {"name":"Official %d","country":"China","organization":"Jiangsu Province","position":"Deputy Director"}"""
                        .formatted(n));
                statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            }
        })).toList();
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201).get()).isEqualTo(20);
        assertThat(statuses.get(409).get()).isEqualTo(180);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("staff", course).json().path("enrolled").asInt() == 20);
        assertThat(api.get("staff", course + "/trainees").json()).hasSize(20);
    }
}
