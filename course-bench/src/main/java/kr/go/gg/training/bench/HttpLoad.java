package kr.go.gg.training.bench;

import kr.go.gg.training.bench.workload.CourseWalker;
import kr.go.gg.training.bench.workload.HttpCommandClient;
import kr.go.gg.training.bench.workload.Latencies;
import kr.go.gg.training.bench.workload.Load;

/** The HTTP run: N/50 courses over the HTTP contract (Basic auth, user staff) after one warm-up course. */
record HttpLoad(BenchRun run) {

    void measure(SystemUnderTest sut) throws Exception {
        int courses = run.options().httpCourses();
        if (courses <= 0) {
            return;
        }
        run.progress("HTTP: " + courses + " courses over HTTP (Basic auth staff) from "
                + run.options().clients() + " clients on port " + sut.port());
        String password = run.system().staffPassword();
        walker(new HttpCommandClient(sut.port(), "staff", password)).walk(2_000_000, new Latencies());
        Load.Result http = Load.run(3_000_000, courses, run.options().clients(),
                walker(new HttpCommandClient(sut.port(), "staff", password)));
        run.figures().put("http_courses", courses, 0, "", "courses of the HTTP run");
        run.figures().put("http_commands_per_s", http.commandsPerSecond(), 1, "1/s", "HTTP run throughput");
        run.figures().put("http_p50_ms", http.latencies().percentileMs(50), 2, "ms", "HTTP command latency p50");
        run.figures().put("http_p99_ms", http.latencies().percentileMs(99), 2, "ms", "HTTP command latency p99");
    }

    /** Each course keeps the id the server answered to its proposal. */
    private Load.Walker walker(HttpCommandClient client) {
        return CourseWalker.of("HTTP", run.options().enrolments(), () -> new CourseWalker.CourseSender() {
            private String courseId;

            @Override
            public void send(Object command) throws Exception {
                courseId = client.send(command, courseId);
            }
        }, id -> { });
    }
}
