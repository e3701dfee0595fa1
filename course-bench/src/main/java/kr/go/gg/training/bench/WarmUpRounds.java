package kr.go.gg.training.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kr.go.gg.training.bench.workload.Load;
import kr.go.gg.training.bench.workload.Warmup;

/**
 * The warm-up of one contender (the system, the CRUD peer) before it is measured: {@code --warmup-courses N} is one
 * round of N courses; by default rounds of {@link BenchOptions#warmupRoundCourses} courses until the rate stops
 * rising while the JIT is quiet ({@link Warmup}, {@link #JIT_QUIET_CORES}). Puts {@code <key>_courses} and notes the
 * rate and the JIT's cores of every round.
 */
record WarmUpRounds(BenchRun run) {

    /**
     * A round whose JIT compile time was at most this share of the cores counts as settled ({@link Warmup}): the
     * compilers took 0.5-0.6 of a core while the early plateaus ended the warm-up, 0.25-0.35 in the runs that got far.
     */
    static final double JIT_QUIET_CORES = 0.3;

    /** Warms up with {@code walker} (courses from index 1,000,000 on), running {@code afterRound} after each round. */
    void warmUp(String key, String who, Load.Walker walker, Runnable afterRound) {
        int fixed = run.options().warmupCourses();
        if (fixed == 0) {
            run.figures().put(key + "_courses", 0, 0, "", "warm-up of " + who + ": none");
            return;
        }
        int size = fixed > 0 ? fixed : run.options().warmupRoundCourses();
        run.progress("warm-up of " + who + ": " + (fixed > 0 ? fixed + " courses"
                : "rounds of " + size + " courses until the rate stops rising with the JIT quiet"));
        List<String> jit = new ArrayList<>();
        double[] lastJitCores = {0};
        Warmup.Result result = Warmup.untilSteady(fixed > 0 ? 1 : Warmup.MAX_ROUNDS, round -> {
            CpuWindow window = CpuWindow.start();
            Load.Result courses = Load.run(1_000_000 + round * size, size, run.options().clients(), walker);
            afterRound.run();
            lastJitCores[0] = Math.max(0, window.jitCores()); // a JVM that does not report it: quiet
            jit.add(String.format(Locale.ROOT, "%.2f", lastJitCores[0]));
            return courses.commandsPerSecond();
        }, () -> lastJitCores[0] <= JIT_QUIET_CORES);
        run.figures().put(key + "_courses", (double) result.rounds() * size, 0, "", "warm-up of " + who + ", in courses"
                + (fixed > 0 ? " (--warmup-courses)" : " (rounds of " + size + " until steady)"));
        run.figures().note("warm-up of " + who + ": " + result.rounds() + " round(s) of " + size + " courses at "
                + result.describe() + "; JIT cores per round " + String.join(" ", jit));
    }
}
