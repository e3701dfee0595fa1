package kr.go.gg.training.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Command-line options: {@code --courses N} (default 500) sizes workload 1; the rest have sensible defaults
 * derived from it. Every option is {@code --name value} or {@code --name=value}.
 * {@code --axonserver HOST:PORT} runs the system in the production shape (profile {@code axonserver}: events,
 * commands and queries through that Axon Server); without it, the embedded default.
 */
public record BenchOptions(int courses,
                           int httpCourses,
                           int clients,
                           int queries,
                           int warmupCourses,
                           int rawAppendRows,
                           Path dataDir,
                           boolean keepData,
                           int enrolments,
                           Set<String> fixes,
                           String axonServer) {

    /** Experiments that apply a change proposed for another module inside the bench's own wiring. */
    public static final Set<String> KNOWN_FIXES = Set.of("no-metrics");

    public static final int DEFAULT_COURSES = 500;

    /** {@link #warmupCourses()} when no count is given: rounds of {@link #warmupRoundCourses()} until steady. */
    public static final int UNTIL_STEADY = -1;

    /** Courses per warm-up round ({@link kr.go.gg.training.bench.workload.Warmup}): 250, or half of workload 1 when that is smaller. */
    public int warmupRoundCourses() {
        return Math.max(1, Math.min(250, courses / 2));
    }

    /** True when the system runs against an Axon Server ({@code --axonserver HOST:PORT}). */
    public boolean onAxonServer() {
        return axonServer != null;
    }

    /** The values given so far; the defaults, derived from {@code courses}, are filled in by {@link #options()}. */
    private static final class Given {
        Integer courses;
        Integer http;
        Integer clients;
        Integer queries;
        Integer warmup;
        Integer rawRows;
        Integer enrolments;
        Path dataDir;
        boolean keep;
        String axonServer;
        final Set<String> fixes = new TreeSet<>();

        BenchOptions options() {
            int n = courses == null ? DEFAULT_COURSES : courses;
            return new BenchOptions(n,
                    http == null ? Math.max(1, n / 50) : http,
                    clients == null ? 4 : clients,
                    queries == null ? 1000 : queries,
                    // until steady (Warmup): fixed counts (40, 125, 500) each left the JIT compiling through workload 1
                    warmup == null ? UNTIL_STEADY : warmup,
                    rawRows == null ? 0 : rawRows,
                    dataDir,
                    keep,
                    enrolments == null ? 20 : enrolments,
                    Set.copyOf(fixes),
                    axonServer);
        }
    }

    /**
     * One option: {@code --name value} (or {@code --name=value}), or a flag that takes none; {@code help} is how
     * {@link #usage()} shows it, null for an option it does not list.
     */
    private record Option(String name, boolean flag, String help, BiConsumer<Given, String> apply) {
    }

    /** Every option, in the order of {@link #usage()}. */
    private static final List<Option> OPTIONS = List.of(
            new Option("courses", false, "N (500)", (g, v) -> g.courses = positive("courses", v)),
            new Option("http-courses", false, "N (courses/50)", (g, v) -> g.http = nonNegative("http-courses", v)),
            new Option("clients", false, "N (4)", (g, v) -> g.clients = positive("clients", v)),
            new Option("queries", false, "N (1000)", (g, v) -> g.queries = positive("queries", v)),
            new Option("warmup-courses", false, "N (default: rounds of min(250, courses/2) until the rate stops rising)",
                    (g, v) -> g.warmup = nonNegative("warmup-courses", v)),
            new Option("raw-rows", false, "N (events of workload 1, at most 30000)",
                    (g, v) -> g.rawRows = positive("raw-rows", v)),
            new Option("enrolments", false, "N (20)", (g, v) -> g.enrolments = nonNegative("enrolments", v)),
            new Option("data-dir", false, "DIR (fresh temp dir)", (g, v) -> g.dataDir = Path.of(v)),
            new Option("keep-data", true, "", (g, v) -> g.keep = Boolean.parseBoolean(v)),
            new Option("fix", false, "no-metrics (experiment: Axon's Micrometer monitors off, applied in the bench's"
                    + " own wiring)", (g, v) -> fixes(g.fixes, v)),
            new Option("axonserver", false, "HOST:PORT (the production shape: profile axonserver against that Axon"
                    + " Server's gRPC port, read models in an in-process wire server; default: the embedded default)",
                    (g, v) -> g.axonServer = hostAndPort("axonserver", v)),
            new Option("help", true, null, (g, v) -> {
                throw new IllegalArgumentException(usage());
            }));

    public static BenchOptions parse(String... args) {
        Given given = new Given();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + usage());
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (option(name).map(Option::flag).orElse(false)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value; " + usage());
            }
            String unknown = name;
            option(name).orElseThrow(() -> new IllegalArgumentException("unknown option --" + unknown + "; " + usage()))
                    .apply().accept(given, value);
        }
        return given.options();
    }

    private static Optional<Option> option(String name) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public static String usage() {
        StringBuilder usage = new StringBuilder("usage: java -jar course-bench.jar");
        for (Option option : OPTIONS) {
            if (option.help() != null) {
                usage.append(" [--").append(option.name()).append(option.help().isEmpty() ? "" : " " + option.help())
                        .append(']');
            }
        }
        return usage.toString();
    }

    private static void fixes(Set<String> fixes, String value) {
        for (String fix : value.split(",")) {
            if (!KNOWN_FIXES.contains(fix.strip())) {
                throw new IllegalArgumentException("unknown --fix " + fix + "; known: " + KNOWN_FIXES);
            }
            fixes.add(fix.strip());
        }
    }

    /** {@code HOST:PORT} with a port of 1-65535 (e.g. {@code localhost:8124}), returned stripped. */
    private static String hostAndPort(String name, String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException("--" + name + " needs HOST:PORT (e.g. localhost:8124), not '" + value + "'");
        }
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a port of 1-65535 in HOST:PORT, not '" + value + "'");
        }
        return v;
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'");
        }
    }
}
