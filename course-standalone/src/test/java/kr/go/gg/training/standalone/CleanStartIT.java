package kr.go.gg.training.standalone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar started as the README starts it, on a fresh data folder, with the seed imported: a clean start
 * and an orderly stop (SIGTERM, as a service manager stops it) log no WARN and no ERROR line, so that one which
 * appears is news.
 */
class CleanStartIT {

    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\b");
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void a_clean_start_and_an_orderly_stop_log_no_warning_and_no_error() throws Exception {
        assertThat(CrashSafetyIT.JAR).as("run after `package`").exists();
        Path dataDir = Files.createTempDirectory("course-clean-start");
        int port = CrashSafetyIT.freePort();
        HttpApi api = new HttpApi(port);
        process = CrashSafetyIT.start(dataDir, port, "--course.import=classpath:seed/gyeonggi-2014-2016.json");
        CrashSafetyIT.awaitUp(api);
        assertThat(api.get("viewer", "/api/reports/yearly-performance").status()).isEqualTo(200);
        assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(200);

        List<String> lines = Files.readAllLines(dataDir.resolve("console.log"));
        assertThat(lines).as("the log was written").anyMatch(line -> line.contains("Started"));
        assertThat(lines).filteredOn(line -> WARN_OR_ERROR.matcher(line).find()).isEmpty();

        process.destroy();
        process.waitFor();
        process = null;
        List<String> afterStop = Files.readAllLines(dataDir.resolve("console.log"));
        assertThat(afterStop.size()).as("the stop was logged").isGreaterThan(lines.size());
        assertThat(afterStop).as("lines logged while stopping").filteredOn(line -> WARN_OR_ERROR.matcher(line).find()).isEmpty();
    }
}
