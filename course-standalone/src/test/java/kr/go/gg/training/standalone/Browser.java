package kr.go.gg.training.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by its own chromedriver (both set explicitly, so Selenium Manager never looks
 * for or downloads a browser or driver). Without them the tests are skipped, saying why. Screenshots go to
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("course.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("course.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "No browser here: the web page tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                        + DRIVER + "; .ci/run installs them)");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                        "--lang=ko-KR", "--force-device-scale-factor=1");
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    void get(String path) {
        driver.get(base + path);
    }

    void signIn(String user) {
        driver.manage().deleteAllCookies();
        get("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-pass");
        driver.findElement(By.id("sign-in")).click();
        waitFor(Duration.ofSeconds(10), By.cssSelector("header.masthead nav.main a"));
    }

    WebElement waitFor(Duration timeout, By by) {
        try {
            return new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the browser shows instead says more than the timeout
            throw new AssertionError("No " + by + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** A date field's value as the form would send it (chromium's date widget takes keys in its locale's order). */
    void setDate(String formId, String field, String isoDate) {
        WebElement input = find(By.id(formId + "-" + field));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    void type(String formId, String field, String text) {
        WebElement input = find(By.id(formId + "-" + field));
        input.clear();
        input.sendKeys(text);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // the whole page, not only the window: the tables run below the fold
            Number height = (Number) script("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, Math.max(1000, height.intValue() + 40)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
