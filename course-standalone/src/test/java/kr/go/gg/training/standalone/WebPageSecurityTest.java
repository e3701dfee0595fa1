package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The pages' security over plain HTTP (a real client with a cookie jar, redirects not followed): sign-in first, CSRF
 * tokens on every form, the security headers and a content-security policy without inline scripts, a VIEWER's pages
 * without personal data and without commands; and the API unchanged for curl clients (Basic, stateless, 401 problems).
 */
class WebPageSecurityTest extends StandaloneTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void every_page_asks_for_a_sign_in_first() throws Exception {
        Session anonymous = new Session();
        for (String page : List.of("/", "/pipeline", "/courses/new", "/courses/" + UUID.randomUUID(), "/report/csv",
                "/report/xlsx", "/report/print", "/dashboard/table", "/dashboard/live")) {
            HttpResponse<String> answer = anonymous.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as(page).endsWith("/login");
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(new Session().signIn("viewer", "wrong-pass").headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    @Test
    void the_api_stays_http_basic_and_stateless_a_page_session_does_not_open_it() throws Exception {
        Session viewer = new Session();
        viewer.signIn("viewer", "viewer-pass");
        assertThat(viewer.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> api = viewer.get("/api/reports/yearly-performance");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(this.api.get("viewer", "/api/reports/yearly-performance").status()).isEqualTo(200);
    }

    @Test
    void a_form_sent_without_its_csrf_token_is_refused_and_stores_nothing() throws Exception {
        Session staff = new Session();
        staff.signIn("staff", "staff-pass");
        String title = "No Token " + UUID.randomUUID();
        Map<String, String> form = Map.of("key", UUID.randomUUID().toString(), "title", title, "program", "KOICA",
                "direction", "INBOUND", "partner", "Laos", "capacity", "10", "trainingYear", "2024");

        assertThat(staff.post("/courses/new", form).statusCode()).isEqualTo(403);
        assertThat(new Session().post("/login", Map.of("username", "staff", "password", "staff-pass")).statusCode()).isEqualTo(403);
        assertThat(api.get("staff", "/api/courses?year=2024").body()).doesNotContain(title);

        String token = staff.csrf("/courses/new");
        assertThat(staff.post("/courses/new", with(form, "_csrf", token)).statusCode()).isEqualTo(302);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("staff", "/api/courses?year=2024").body().contains(title));
    }

    @Test
    void pages_carry_the_security_headers_and_a_policy_without_inline_scripts() throws Exception {
        Session auditor = new Session();
        auditor.signIn("auditor", "auditor-pass");
        for (String page : List.of("/login", "/", "/pipeline", "/report/print")) {
            HttpResponse<String> answer = auditor.get(page);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(page).contains("script-src 'self'", "default-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(page).contains("same-origin");
            assertThat(answer.body()).as(page).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("onclick");
        }
    }

    @Test
    void a_viewer_gets_no_roster_and_no_command_form_and_may_send_no_command() throws Exception {
        String course = api.post("staff", "/api/courses", "{\"title\":\"Viewer Check\",\"program\":\"CHINA_EXCHANGE\","
                + "\"direction\":\"INBOUND\",\"partner\":\"Jiangsu\",\"capacity\":5,\"trainingYear\":2025}").json()
                .get("courseId").asText();
        api.post("staff", "/api/courses/" + course + "/schedule", "{\"startDate\":\"2025-04-07\",\"endDate\":\"2025-04-18\"}");
        String name = "Hidden Person " + UUID.randomUUID().toString().substring(0, 8);
        api.post("staff", "/api/courses/" + course + "/trainees", "{\"name\":\"" + name + "\",\"country\":\"China\","
                + "\"organization\":\"Jiangsu Office\",\"position\":\"Officer\"}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("staff", "/api/courses/" + course + "/trainees").body().contains(name));
        Session staff = new Session();
        staff.signIn("staff", "staff-pass");
        assertThat(staff.get("/courses/" + course).body()).contains(name, "step-start");

        Session viewer = new Session();
        viewer.signIn("viewer", "viewer-pass");
        HttpResponse<String> page = viewer.get("/courses/" + course);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Viewer Check").doesNotContain(name).doesNotContain("Jiangsu Office")
                .doesNotContain("id=\"roster\"").doesNotContain("step-start").doesNotContain("id=\"history\"");
        String token = viewer.csrf("/courses/" + course);
        assertThat(viewer.post("/courses/" + course + "/steps/start", Map.of("_csrf", token, "key", "k1")).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/courses/new").statusCode()).isEqualTo(403);
        assertThat(api.get("viewer", "/api/courses/" + course).json().get("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void the_table_exports_as_csv_and_xlsx_in_the_seeds_layout() throws Exception {
        Session viewer = new Session();
        viewer.signIn("viewer", "viewer-pass");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> viewer.get("/report/csv?from=2014&to=2016").body().contains("Peru"));
        List<String> csv = viewer.get("/report/csv?from=2014&to=2016").body().lines().toList();
        assertThat(csv.get(0)).isEqualTo("\uFEFF연도 / 과정,연수 기간,실적(인원),비고,국외 연수(파견),세외수입(원)");
        assertThat(csv.get(1)).startsWith("2016 2개 과정,,29,");
        assertThat(csv.get(2)).startsWith("중국 소계 1개 과정,,14,자체 사업");
        assertThat(csv.get(3)).isEqualTo("Shandong Province,2016. 6. 29. ~ 7. 12.,14,");
        assertThat(csv.get(4)).startsWith("개발도상국 소계 1개 과정,,15,KOICA 위탁(전액 부담) 인쇄본: 1개 과정 14명");

        HttpResponse<byte[]> xlsx = viewer.client.send(viewer.request("/report/xlsx?from=2014&to=2016&lang=en").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            DataFormatter cells = new DataFormatter();
            Row header = workbook.getSheetAt(0).getRow(0);
            assertThat(cells.formatCellValue(header.getCell(0))).isEqualTo("By Year / Course");
            Row shandong = workbook.getSheetAt(0).getRow(3);
            assertThat(cells.formatCellValue(shandong.getCell(0))).isEqualTo("Shandong Province");
            assertThat(shandong.getCell(2).getNumericCellValue()).isEqualTo(14.0);
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3 + 6 + 19);
        }
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(form);
        more.put(name, value);
        return more;
    }

    /** One browser-like session: a cookie jar, no redirects followed. */
    private final class Session {

        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get(page).body());
            assertThat(token.find()).as("a CSRF token on " + page).isTrue();
            return token.group(1);
        }

        HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
            return post("/login", Map.of("username", user, "password", password, "_csrf", csrf("/login")));
        }
    }
}
