package kr.go.gg.training.query.platform.readmodel;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The read models' token store, telling {@link BatchedCollection} whenever the processor's claim may have changed
 * hands or its token may have moved without this processor's batches: on every fetch (a segment is claimed: at
 * start, after an error, after another node held it, and by a reset), release (shutdown, a lost claim) and
 * initialisation or deletion. Between two such calls this processor has owned its token continuously, and the only
 * writer of the read models is its own batches, so what it last wrote is what the database holds
 * ({@link BatchedCollection#invalidateAll()}). Storing the token after each batch is no such event. That reasoning
 * holds for a processor of one segment; with several, other segments write too, and nothing relies on it
 * ({@link BatchedCollection#SEVERAL_SEGMENTS}, {@link ReadModelClaim#isSeveralSegments()}).
 */
public final class ClaimWatchingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final ReadModelClaim claim;
    /** Null: no generations to follow (a test of the store alone). */
    private final ReadModelGenerations generations;

    public ClaimWatchingTokenStore(TokenStore delegate) {
        this(delegate, new ReadModelClaim());
    }

    public ClaimWatchingTokenStore(TokenStore delegate, ReadModelClaim claim) {
        this(delegate, claim, null);
    }

    public ClaimWatchingTokenStore(TokenStore delegate, ReadModelClaim claim, ReadModelGenerations generations) {
        this.delegate = delegate;
        this.claim = claim;
        this.generations = generations;
    }

    private void changing(String processor) {
        claim.changing(processor);
        BatchedCollection.invalidateAll();
    }

    /**
     * A segment claimed: the processor's next batch writes the live generation as the shared pointer holds it now
     * (a switch happens only while the processor is stopped on every node, see {@link ReadModelGenerations}).
     */
    private TrackingToken taken(String processor, TrackingToken token) {
        if (generations != null && ProcessingGroups.ALL.contains(processor)) {
            generations.refresh(processor);
        }
        claim.taken(processor);
        return token;
    }

    /** The store it watches. */
    public TokenStore delegate() {
        return delegate;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        changing(processorName);
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        changing(processorName);
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        changing(processorName);
        return taken(processorName, delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        changing(processorName);
        return taken(processorName, delegate.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        changing(processorName);
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        changing(processorName);
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        changing(processorName);
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
