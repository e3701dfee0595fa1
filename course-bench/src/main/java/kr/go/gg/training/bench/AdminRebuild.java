package kr.go.gg.training.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.readmodel.ReadModelGenerations;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;

/**
 * The replay the product runs (issue 17): {@link ProjectionAdmin#replay} of every read model at once, each rebuilt as
 * a new generation beside the live one and switched when caught up; timed from the first request until every
 * projection's pointer names its new generation.
 */
record AdminRebuild(BenchRun run) {

    /** Seconds from the requests until the last switch. */
    double measure(SystemUnderTest sut) {
        ProjectionAdmin admin = sut.bean(ProjectionAdmin.class);
        ReadModelGenerations generations = sut.bean(ReadModelGenerations.class);
        List<String> names = ProcessingGroups.ALL;
        Map<String, Integer> before = new LinkedHashMap<>();
        names.forEach(name -> before.put(name, generations.refresh(name)));
        long start = System.nanoTime();
        names.forEach(admin::replay);
        Map<String, Long> switched = new TreeMap<>();
        long done = SystemUnderTest.awaitNanos(() -> {
            for (String name : names) {
                if (!switched.containsKey(name) && generations.refresh(name) > before.get(name)
                        && generations.building(name).isEmpty()) {
                    switched.put(name, System.nanoTime());
                }
            }
            return switched.size() == names.size();
        }, SystemUnderTest.WAIT, 20_000, () -> System.err.println("bench: rebuilds not switched: "
                + admin.statuses()));
        StringBuilder each = new StringBuilder("replay (admin rebuild): each projection switched after");
        switched.forEach((name, at) -> each.append(String.format(Locale.ROOT, " %s %.2f s;", name, (at - start) / 1e9)));
        run.figures().note(each.toString());
        return (done - start) / 1e9;
    }
}
