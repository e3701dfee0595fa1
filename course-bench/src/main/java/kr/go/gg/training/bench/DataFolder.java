package kr.go.gg.training.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The run's data folder: made fresh, measured in bytes, deleted afterwards. */
final class DataFolder {

    private DataFolder() {
    }

    /** {@code --data-dir}, which must be empty, or a fresh temporary folder. */
    static Path fresh(BenchOptions options) throws IOException {
        Path dir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("course-bench-");
        Files.createDirectories(dir);
        if (options.dataDir() != null) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("--data-dir " + dir + " is not empty; the bench needs a fresh folder");
                }
            }
        }
        return dir;
    }

    /** Bytes of every file below {@code dir}. */
    static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            AtomicLong total = new AtomicLong();
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    total.addAndGet(Files.size(f));
                } catch (IOException e) {
                    // a file removed while walking (H2 temp files) counts as gone
                }
            });
            return total.get();
        }
    }

    /** Bytes of the files below {@code dir} whose names start with {@code prefix}. */
    static long bytesMatching(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e);
        }
    }
}
