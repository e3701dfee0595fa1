package kr.go.gg.training.bench;

import kr.go.gg.training.bench.workload.Load;
import kr.go.gg.training.bench.workload.Warmup;

/**
 * The warm-up of one contender (the system, the CRUD peer) before it is measured: {@code --warmup-courses N} is one
 * round of N courses; by default rounds of {@link BenchOptions#warmupRoundCourses} courses until the rate stops
 * rising ({@link Warmup}). Puts {@code <key>_courses} and notes the rate of every round.
 */
record WarmUpRounds(BenchRun run) {

    /** Warms up with {@code walker} (courses from index 1,000,000 on), running {@code afterRound} after each round. */
    void warmUp(String key, String who, Load.Walker walker, Runnable afterRound) {
        int fixed = run.options().warmupCourses();
        if (fixed == 0) {
            run.figures().put(key + "_courses", 0, 0, "", "warm-up of " + who + ": none");
            return;
        }
        int size = fixed > 0 ? fixed : run.options().warmupRoundCourses();
        run.progress("warm-up of " + who + ": " + (fixed > 0 ? fixed + " courses"
                : "rounds of " + size + " courses until the rate stops rising"));
        Warmup.Result result = Warmup.untilSteady(fixed > 0 ? 1 : Warmup.MAX_ROUNDS, round -> {
            Load.Result courses = Load.run(1_000_000 + round * size, size, run.options().clients(), walker);
            afterRound.run();
            return courses.commandsPerSecond();
        });
        run.figures().put(key + "_courses", (double) result.rounds() * size, 0, "", "warm-up of " + who + ", in courses"
                + (fixed > 0 ? " (--warmup-courses)" : " (rounds of " + size + " until steady)"));
        run.figures().note("warm-up of " + who + ": " + result.rounds() + " round(s) of " + size + " courses at "
                + result.describe());
    }
}
