package kr.go.gg.training.bench;

import java.nio.file.Path;

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
                           java.util.Set<String> fixes,
                           String axonServer) {

    /** Experiments that apply a change proposed for another module inside the bench's own wiring. */
    public static final java.util.Set<String> KNOWN_FIXES = java.util.Set.of("no-metrics");

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

    public static BenchOptions parse(String... args) {
        Integer courses = null;
        Integer http = null;
        Integer clients = null;
        Integer queries = null;
        Integer warmup = null;
        Integer rawRows = null;
        Integer enrolments = null;
        Path dataDir = null;
        boolean keep = false;
        String axonServer = null;
        java.util.Set<String> fixes = new java.util.TreeSet<>();
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
            } else if (name.equals("keep-data") || name.equals("help")) {
                value = "true";
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value; " + usage());
                }
                value = args[++i];
            }
            switch (name) {
                case "courses" -> courses = positive(name, value);
                case "http-courses" -> http = nonNegative(name, value);
                case "clients" -> clients = positive(name, value);
                case "queries" -> queries = positive(name, value);
                case "warmup-courses" -> warmup = nonNegative(name, value);
                case "raw-rows" -> rawRows = positive(name, value);
                case "enrolments" -> enrolments = nonNegative(name, value);
                case "data-dir" -> dataDir = Path.of(value);
                case "keep-data" -> keep = Boolean.parseBoolean(value);
                case "axonserver" -> axonServer = hostAndPort(name, value);
                case "fix" -> {
                    for (String fix : value.split(",")) {
                        if (!KNOWN_FIXES.contains(fix.strip())) {
                            throw new IllegalArgumentException("unknown --fix " + fix + "; known: " + KNOWN_FIXES);
                        }
                        fixes.add(fix.strip());
                    }
                }
                case "help" -> throw new IllegalArgumentException(usage());
                default -> throw new IllegalArgumentException("unknown option --" + name + "; " + usage());
            }
        }
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
                java.util.Set.copyOf(fixes),
                axonServer);
    }

    public static String usage() {
        return "usage: java -jar course-bench.jar [--courses N (500)] [--http-courses N (courses/50)] [--clients N (4)]"
                + " [--queries N (1000)] [--warmup-courses N (default: rounds of min(250, courses/2) until the rate stops rising)] [--raw-rows N (events of workload 1, at most 30000)]"
                + " [--enrolments N (20)] [--data-dir DIR (fresh temp dir)] [--keep-data]"
                + " [--fix no-metrics (experiment: Axon's Micrometer monitors off, applied in the bench's own wiring)]"
                + " [--axonserver HOST:PORT (the production shape: profile axonserver against that Axon Server's gRPC"
                + " port, read models in an in-process wire server; default: the embedded default)]";
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
