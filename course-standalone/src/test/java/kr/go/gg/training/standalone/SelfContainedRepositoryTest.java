package kr.go.gg.training.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository carries its own domain model and HTTP contract (docs/domain.md, docs/api.md): no file of it points
 * to a document a clone does not have. The names are written in pieces so this file does not name them itself.
 */
class SelfContainedRepositoryTest {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> NOT_SOURCES = Set.of(".git", "target", "data", "node_modules", ".mvn");
    private static final List<String> OUTSIDE = List.of("../" + "shared", "shared/" + "API.md", "shared/" + "seed",
            "DOMAIN" + ".md", "STACK-" + "FACTS", "HOUSE" + ".md", "/work" + "/");

    @Test
    void no_file_refers_to_a_document_outside_the_repository() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile).filter(SelfContainedRepositoryTest::source).forEach(file -> {
                String text = text(file);
                for (String outside : OUTSIDE) {
                    if (text.contains(outside)) {
                        found.add(ROOT.relativize(file) + ": " + outside);
                    }
                }
            });
        }
        assertThat(found).isEmpty();
    }

    private static boolean source(Path file) {
        for (Path part : ROOT.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())) {
            if (NOT_SOURCES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
