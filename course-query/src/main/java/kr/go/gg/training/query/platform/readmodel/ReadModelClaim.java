package kr.go.gg.training.query.platform.readmodel;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether THIS node's read-model processor holds its token claim, and an epoch that moves whenever that may have
 * changed (told by {@link ClaimWatchingTokenStore}). While the claim is held, this node's batches are the only
 * writer of the read models, so a cache that this node's commits invalidate is exact; without the claim (another
 * node processes under {@code axonserver}) such a cache must expire instead.
 * <p>
 * That holds for a processor of ONE segment only. With several segments ({@code course.query.segments > 1}, or a
 * segment found split at run time: {@link #severalSegments()}), other segments, on this node or another, write the
 * same documents at once, so the claim is never "held" in this sense and such caches always expire.
 * <p>
 * Each projection has its own processor: "held" means this node holds the claim of every one of them
 * ({@code processors}; none named: of any one), so a cache of any projection may trust it.
 */
public final class ReadModelClaim {

    private final AtomicLong epoch = new AtomicLong();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> processors;
    private volatile boolean severalSegments;

    /** A processor of one segment (until {@link #severalSegments()} tells otherwise). */
    public ReadModelClaim() {
        this(false);
    }

    public ReadModelClaim(boolean severalSegments) {
        this(severalSegments, Set.of());
    }

    public ReadModelClaim(boolean severalSegments, Collection<String> processors) {
        this.severalSegments = severalSegments;
        this.processors = Set.copyOf(processors);
    }

    /** Read before reading what is to be cached; see {@link #heldSince}. */
    public long epoch() {
        return epoch.get();
    }

    /** True if this node has held the claim of the only segment without a break since {@code epoch} was read. */
    public boolean heldSince(long since) {
        boolean all = processors.isEmpty() ? !held.isEmpty() : held.containsAll(processors);
        return all && !severalSegments && epoch.get() == since;
    }

    /** Whether the processor has (or had, since this node started) more than one segment: no single writer. */
    public boolean isSeveralSegments() {
        return severalSegments;
    }

    /** The processor runs a segment of several (found at run time): from now on never the only writer. */
    public void severalSegments() {
        if (!severalSegments) {
            severalSegments = true;
            epoch.incrementAndGet();
        }
    }

    /** A claim is being fetched, released, initialised or deleted: held no longer (until {@link #taken}). */
    void changing(String processor) {
        held.remove(processor);
        epoch.incrementAndGet();
    }

    /** A fetch succeeded: Axon's token stores claim the segment for this node when they hand out its token. */
    void taken(String processor) {
        epoch.incrementAndGet();
        held.add(processor);
    }
}
