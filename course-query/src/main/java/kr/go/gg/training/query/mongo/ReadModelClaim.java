package kr.go.gg.training.query.mongo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether THIS node's read-model processor holds its token claim, and an epoch that moves whenever that may have
 * changed (told by {@link ClaimWatchingTokenStore}). While the claim is held, this node's batches are the only
 * writer of the read models, so a cache that this node's commits invalidate is exact; without the claim (another
 * node processes under {@code axonserver}) such a cache must expire instead.
 */
public final class ReadModelClaim {

    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean held;

    /** Read before reading what is to be cached; see {@link #heldSince}. */
    public long epoch() {
        return epoch.get();
    }

    /** True if this node has held the claim without a break since {@code epoch} was read. */
    public boolean heldSince(long since) {
        return held && epoch.get() == since;
    }

    /** A claim is being fetched, released, initialised or deleted: held no longer (until {@link #taken}). */
    void changing() {
        held = false;
        epoch.incrementAndGet();
    }

    /** A fetch succeeded: Axon's token stores claim the segment for this node when they hand out its token. */
    void taken() {
        epoch.incrementAndGet();
        held = true;
    }
}
