package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in a real headless chromium against the standalone application (both sides in one process, the
 * seed imported on start): what each role sees, a live dashboard, the KOICA workflow through the forms only, and a
 * screenshot of each page in target/screenshots. Years outside 2014-2016 are used for new courses, so the seed's
 * figures other tests check stay as printed.
 */
class WebPagesBrowserTest extends StandaloneTestBase {

    private static final Duration LOAD = Duration.ofSeconds(30);
    private static Browser browser;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = Browser.open(port);
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void the_dashboard_shows_the_seeds_2014_to_2016_figures_with_the_printed_discrepancy_beside_them() {
        browser.signIn("viewer");
        browser.get("/?from=2014&to=2016");
        new WebDriverWait(browser.driver, LOAD).until(d -> {
            d.navigate().refresh(); // the seed is imported while the application starts
            return texts("tr.year").size() == 3 && texts("tr.row").size() == 19;
        });
        browser.waitFor(LOAD, By.cssSelector("#live.on"));
        List<String> years = texts("tr.year");
        assertThat(years.get(0)).contains("2016", "2개 과정", "29");
        assertThat(years.get(1)).contains("2015", "9개 과정", "144");
        assertThat(years.get(2)).contains("2014", "8개 과정", "129");
        String table = String.join("\n", texts("#report-table"));
        assertThat(table).contains("Shandong Province", "2016. 6. 29. ~ 7. 12.", "Iraq KRG", "2015. 5. 19. ~ 5. 29.",
                "Guangdong Province", "2014. 6. 23. ~ 7. 18.", "자체 사업", "KOICA");
        // the printed 2016 KOICA subtotal (1 course, 14 people) beside the computed one (15 people)
        String koica2016 = texts("tr.group[data-year='2016'][data-program='KOICA']").get(0);
        assertThat(koica2016).contains("15", "인쇄본: 1개 과정 14명");
        assertThat(browser.driver.findElements(By.cssSelector("#chart-courses canvas, #chart-people canvas"))).hasSize(2);
        browser.screenshot("dashboard");
        browser.get("/report/print?from=2014&to=2016");
        browser.screenshot("dashboard-print");
        browser.get("/?from=2014&to=2016&lang=en");
        assertThat(String.join("\n", texts("#report-table"))).contains("China", "sub Total", "Independent Project",
                "KOICA Cost Sharing", "2016. 6. 29. ~ 7. 12.");
        browser.screenshot("dashboard-en");
        browser.get("/?lang=ko");
    }

    /**
     * Ten years of 24 courses each (2001-2010, years no other test reads) on one dashboard: every year is shown. How
     * long the page took to be ready (table and charts drawn) is printed, a figure for docs/web.md, never asserted.
     */
    @Test
    void the_dashboard_shows_ten_years_at_once() {
        StringBuilder rows = new StringBuilder();
        for (int year = 2001; year <= 2010; year++) {
            for (int course = 1; course <= 24; course++) {
                String program = course % 2 == 0 ? "KOICA" : "CHINA_EXCHANGE";
                String partner = course % 2 == 0 ? "Partner " + course : List.of("Shandong", "Jiangsu", "Hebei").get(course % 3);
                String day = String.format("%d-%02d-%02d", year, 1 + course % 12, 1 + course);
                rows.append(rows.length() == 0 ? "" : ",").append("{\"program\":\"").append(program)
                        .append("\",\"partner\":\"").append(partner).append("\",\"startDate\":\"").append(day)
                        .append("\",\"endDate\":\"").append(day).append("\",\"people\":").append(10 + course).append('}');
            }
        }
        HttpApi.Answer imported = api.post("staff", "/api/imports/historical-courses", "{\"courses\":[" + rows + "]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("viewer",
                "/api/reports/yearly-performance?from=2001&to=2010&minPosition=" + imported.json().get("position")).status() == 200);
        browser.signIn("viewer");
        for (int round = 0; round < 3; round++) {
            browser.get("/?from=2001&to=2010");
            browser.waitFor(LOAD, By.cssSelector("#chart-people canvas"));
            Object ready = browser.script("return performance.getEntriesByName('dashboard-ready')[0].startTime;");
            System.out.println("dashboard, ten years of 240 courses: ready after " + ready + " ms (round " + round + ")");
        }
        assertThat(texts("tr.year")).hasSize(10);
        assertThat(texts("tr.row")).hasSize(240);
    }

    @Test
    void a_command_sent_over_http_appears_on_an_open_dashboard_without_a_reload() {
        browser.signIn("auditor");
        browser.get("/?from=2011&to=2011");
        browser.waitFor(LOAD, By.cssSelector("#live.on"));
        Object marker = browser.script("document.body.dataset.marker = 'not reloaded'; return document.body.dataset.marker;");
        String partner = "Mongolia " + UUID.randomUUID().toString().substring(0, 8);

        HttpApi.Answer imported = api.post("staff", "/api/imports/historical-courses", "{\"courses\":[{\"program\":\"KOICA\","
                + "\"partner\":\"" + partner + "\",\"startDate\":\"2011-05-09\",\"endDate\":\"2011-05-20\",\"people\":12}]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        new WebDriverWait(browser.driver, Duration.ofSeconds(2)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("report-table"), partner));
        assertThat(browser.find(By.id("report-table")).getText()).contains("2011. 5. 9. ~ 5. 20.");
        assertThat(browser.script("return document.body.dataset.marker;")).isEqualTo(marker);
    }

    @Test
    void a_koica_course_is_walked_from_proposal_to_completion_through_the_forms_only() {
        browser.signIn("staff");
        String title = "Rural Development " + UUID.randomUUID().toString().substring(0, 8);
        proposeKoica(title);
        browser.screenshot("course-proposed");
        step("demand-survey", "DEMAND_SURVEYED", () -> browser.setDate("demand-survey", "surveyedOn", "2019-05-01"));
        step("selection", "SELECTED", () -> browser.setDate("selection", "decidedOn", "2021-01-05"));
        step("consignee-invitation", "INVITATION_PUBLISHED", () -> browser.setDate("consignee-invitation", "publishedOn", "2021-02-03"));
        step("consignee-selection", "CONSIGNEE_AWARDED", () -> browser.setDate("consignee-selection", "decidedOn", "2021-03-10"));
        // a refusal names its field: the end before the start is shown beside the end date, and nothing is stored
        browser.setDate("schedule", "startDate", "2021-06-14");
        browser.setDate("schedule", "endDate", "2021-06-01");
        var before = browser.find(By.tagName("main"));
        browser.find(By.cssSelector("#step-schedule button")).click();
        new WebDriverWait(browser.driver, LOAD).until(replaced(before));
        assertThat(browser.waitFor(LOAD, By.id("schedule-endDate-error")).getText()).contains("startDate");
        assertThat(browser.find(By.id("course-status")).getAttribute("data-status")).isEqualTo("CONSIGNEE_AWARDED");
        browser.screenshot("course-field-error");
        step("schedule", "SCHEDULED", () -> {
            browser.setDate("schedule", "startDate", "2021-06-01");
            browser.setDate("schedule", "endDate", "2021-06-14");
        });
        step("trainees", "SCHEDULED", () -> {
            browser.type("trainees", "name", "Nguyen Van Walk");
            browser.type("trainees", "country", "Vietnam");
            browser.type("trainees", "organization", "Hanoi People's Committee");
            browser.type("trainees", "position", "Deputy Director");
        });
        assertThat(browser.find(By.id("roster")).getText()).contains("Nguyen Van Walk");
        assertThat(browser.find(By.id("course-enrolled")).getText()).isEqualTo("1");
        step("start", "IN_PROGRESS", () -> { });
        step("completion", "COMPLETED", () -> { });
        assertThat(browser.driver.findElements(By.cssSelector(".steps form"))).isEmpty();
        browser.screenshot("course-completed");
        browser.get("/pipeline?year=2021");
        browser.screenshot("pipeline");
        assertThat(browser.find(By.id("stage-COMPLETED")).getText()).contains(title);
    }

    @Test
    void a_double_click_on_the_proposal_form_stores_one_course() {
        browser.signIn("staff");
        String title = "Double Click " + UUID.randomUUID().toString().substring(0, 8);
        browser.get("/courses/new");
        fillProposal(title, "CHINA_EXCHANGE", "Shandong", "2022");
        browser.screenshot("course-new");
        new Actions(browser.driver).doubleClick(browser.find(By.id("propose"))).perform();
        browser.waitFor(LOAD, By.id("course-status"));

        JsonNode courses = api.get("staff", "/api/courses?year=2022").json();
        assertThat(courses.findValuesAsText("title").stream().filter(title::equals)).hasSize(1);
    }

    @Test
    void a_viewers_pages_and_their_network_answers_hold_no_trainee_name() {
        String course = api.post("staff", "/api/courses", "{\"title\":\"Privacy Check\",\"program\":\"CHINA_EXCHANGE\","
                + "\"direction\":\"INBOUND\",\"partner\":\"Hebei\",\"capacity\":5,\"trainingYear\":2023}").json()
                .get("courseId").asText();
        api.post("staff", "/api/courses/" + course + "/schedule", "{\"startDate\":\"2023-04-03\",\"endDate\":\"2023-04-14\"}");
        String name = "Secret Trainee " + UUID.randomUUID().toString().substring(0, 8);
        HttpApi.Answer enrolled = api.post("staff", "/api/courses/" + course + "/trainees", "{\"name\":\"" + name
                + "\",\"country\":\"China\",\"organization\":\"Hebei Office\",\"position\":\"Officer\"}");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        browser.signIn("auditor");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("auditor", "/api/courses/" + course + "/trainees").body().contains(name));
        browser.get("/courses/" + course);
        assertThat(browser.find(By.id("roster")).getText()).contains(name); // the roster is there for those who may see it
        browser.screenshot("course-auditor");

        browser.signIn("viewer");
        for (String page : List.of("/courses/" + course, "/?from=2023&to=2023", "/pipeline?year=2023")) {
            browser.get(page);
            browser.waitFor(LOAD, By.cssSelector("main h1"));
            assertThat(browser.driver.getPageSource()).as(page).doesNotContain(name).doesNotContain("Hebei Office");
            assertThat(networkAnswers()).as(page + ": its network answers").doesNotContain(name).doesNotContain("unreadable");
        }
        browser.get("/courses/" + course);
        assertThat(browser.driver.findElements(By.id("roster"))).isEmpty();
        browser.screenshot("course-viewer");
    }

    /** The texts of what {@code selector} finds, read in one step (the live page may swap the table meanwhile). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String selector) {
        return (List<String>) browser.script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", selector);
    }

    /** Every answer the page fetched (documents, scripts, the table fragment), fetched again in the page's session. */
    private String networkAnswers() {
        return String.valueOf(browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const urls = [location.href].concat(performance.getEntriesByType('resource').map(e => e.name)
                    .filter(u => !u.includes('/dashboard/live')));
                Promise.all(urls.map(u => fetch(u, {credentials: 'same-origin', signal: AbortSignal.timeout(5000)})
                        .then(r => r.text(), e => 'unreadable ' + u + ': ' + e)))
                    .then(bodies => done(urls.join(' ') + '\\n' + bodies.join('\\n')));
                """));
    }

    private void proposeKoica(String title) {
        browser.get("/courses/new");
        fillProposal(title, "KOICA", "Vietnam", "2021");
        browser.find(By.id("propose")).click();
        browser.waitFor(LOAD, By.id("course-status"));
        assertThat(browser.find(By.id("course-title")).getText()).isEqualTo(title);
        assertThat(browser.find(By.id("course-status")).getAttribute("data-status")).isEqualTo("PROPOSED");
    }

    private void fillProposal(String title, String program, String partner, String year) {
        browser.type("new", "title", title);
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("new-program"))).selectByValue(program);
        browser.type("new", "partner", partner);
        browser.type("new", "capacity", "20");
        browser.type("new", "trainingYear", year);
    }

    /** Fills a step's form, sends it, and finds the page following the write: the course in {@code status}. */
    private void step(String form, String status, Runnable fill) {
        fill.run();
        var before = browser.find(By.tagName("main"));
        browser.find(By.cssSelector("#step-" + form + " button")).click();
        new WebDriverWait(browser.driver, LOAD).until(replaced(before));
        browser.waitFor(LOAD, By.id("saved"));
        assertThat(browser.find(By.id("course-status")).getAttribute("data-status")).as(form).isEqualTo(status);
    }

    /**
     * The page holding {@code element} has been replaced. Selenium's {@code stalenessOf}, but chromedriver also answers
     * "Node with given id does not belong to the document" (a plain WebDriverException) while the old page goes.
     */
    private static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> replaced(org.openqa.selenium.WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
