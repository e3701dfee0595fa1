package kr.go.gg.training.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import kr.go.gg.training.command.CourseCommandApplication;
import kr.go.gg.training.query.CourseQueryApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * course-command and course-query as two applications (two Spring contexts) sharing one event store file and
 * one MongoDB server, as they would share Axon Server and MongoDB in compose: write to one, read from the other.
 */
class SplitModeTest {

    private static MongoServer mongo;
    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext query;

    @BeforeAll
    static void startBothSides() throws Exception {
        Path dataDir = Files.createTempDirectory("course-split-test");
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        command = new SpringApplicationBuilder(CourseCommandApplication.class).profiles("standalone")
                .run("--server.port=0", "--course.data-dir=" + dataDir);
        query = new SpringApplicationBuilder(CourseQueryApplication.class).profiles("standalone")
                .run("--server.port=0", "--course.data-dir=" + dataDir, "--course.mongo.embedded=false",
                        "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/course");
    }

    @AfterAll
    static void stopBothSides() {
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.close();
        }
        if (mongo != null) {
            mongo.shutdown();
        }
    }

    @Test
    void a_course_proposed_on_the_command_side_is_read_from_the_query_side() {
        HttpApi commands = new HttpApi(port(command));
        HttpApi queries = new HttpApi(port(query));

        HttpApi.Answer proposed = commands.post("staff", "/api/courses", """
                {"title":"Split mode","program":"KOICA","direction":"INBOUND","partner":"Haiti","capacity":12}""");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String courseId = proposed.json().get("courseId").asText();

        HttpApi.Answer read = await().atMost(Duration.ofSeconds(30))
                .until(() -> queries.get("viewer", "/api/courses/" + courseId), answer -> answer.status() == 200);
        assertThat(read.json().get("partner").asText()).isEqualTo("Haiti");
        assertThat(read.json().get("status").asText()).isEqualTo("PROPOSED");
        assertThat(queries.post("staff", "/api/courses", "{}").status())
                .as("the query side serves no command path").isIn(401, 403, 404, 405);
    }

    /** Each side serves its own paths' document; written for the lint of {@code .ci/run} (OpenApiDocumentTest). */
    @Test
    void each_side_serves_an_openapi_document_of_its_own_paths() throws Exception {
        HttpApi.Answer commandDocument = new HttpApi(port(command)).get(null, "/v3/api-docs");
        HttpApi.Answer queryDocument = new HttpApi(port(query)).get(null, "/v3/api-docs");
        assertThat(commandDocument.status()).isEqualTo(200);
        assertThat(queryDocument.status()).isEqualTo(200);
        assertThat(commandDocument.json().at("/paths/~1api~1courses").has("post")).isTrue();
        assertThat(commandDocument.json().at("/paths/~1api~1pipeline").isMissingNode()).isTrue();
        assertThat(queryDocument.json().at("/paths/~1api~1pipeline").has("get")).isTrue();
        assertThat(queryDocument.json().at("/paths/~1api~1courses").has("post")).isFalse();
        assertThat(commandDocument.json().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(queryDocument.json().at("/components/schemas/Problem").isMissingNode()).isFalse();
        Files.createDirectories(OpenApiDocumentTest.WRITTEN);
        Files.writeString(OpenApiDocumentTest.WRITTEN.resolve("course-command.json"), commandDocument.body());
        Files.writeString(OpenApiDocumentTest.WRITTEN.resolve("course-query.json"), queryDocument.body());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
