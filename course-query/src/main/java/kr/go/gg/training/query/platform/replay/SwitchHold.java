package kr.go.gg.training.query.platform.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A test hook: holds a caught-up rebuild before its switch while a latch is set for its projection (the rebuild keeps
 * beating, and the other projections of its read go on, meanwhile), so a test can query during a replay that has
 * built its new generation but not switched yet. Nothing sets a latch outside tests.
 */
final class SwitchHold {

    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    /** Holds {@code projection}'s next switch until {@code release} is counted down. */
    void hold(String projection, CountDownLatch release) {
        holds.put(projection, release);
    }

    void release(String projection) {
        CountDownLatch latch = holds.remove(projection);
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Whether the switch of {@code projection} is held now (the rebuild tries again on its next round). */
    boolean holding(String projection) {
        CountDownLatch latch = holds.get(projection);
        return latch != null && latch.getCount() > 0;
    }
}
