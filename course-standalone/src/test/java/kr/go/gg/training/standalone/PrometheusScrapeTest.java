package kr.go.gg.training.standalone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: the command, query, processor-lag and Axon metrics, for ADMIN and the scrape user only. */
class PrometheusScrapeTest extends StandaloneTestBase {

    private static final String SCRAPE = "/actuator/prometheus";

    @Test
    void admin_scrapes_the_command_query_lag_and_axon_metrics() {
        assertThat(api.post("staff", "/api/agreements",
                "{\"province\":\"Jiangsu\",\"classification\":\"GENERAL\",\"signedOn\":\"2019-04\"}").status()).isIn(200, 201);
        assertThat(api.get("viewer", "/api/agreements").status()).isEqualTo(200);
        HttpApi.Answer scraped = api.get("admin", SCRAPE);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.contentType()).startsWith("text/plain");
        assertThat(scraped.body()).contains("course_commands_seconds_count{", "course_command_group_size_count",
                "course_projection_lag_events{", "commandBus_successCounter_total", "queryBus_successCounter_total",
                "eventStore_successCounter_total", "http_server_requests_seconds_count{");
    }

    @Test
    void the_scrape_user_reads_the_metrics_and_nothing_else() {
        assertThat(api.get("metrics", SCRAPE).status()).isEqualTo(200);
        assertThat(api.get("metrics", "/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get("metrics", "/api/courses").status()).isEqualTo(403);
        assertThat(api.get("metrics", "/api/courses/any/history").status()).isEqualTo(403);
        assertThat(api.post("metrics", "/api/agreements", "{}").status()).isEqualTo(403);
    }

    @Test
    void other_roles_are_refused_and_no_credentials_is_401() {
        for (String user : new String[] {"viewer", "staff", "auditor"}) {
            HttpApi.Answer refused = api.get(user, SCRAPE);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
        }
        HttpApi.Answer anonymous = api.get(null, SCRAPE);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json");
    }
}
