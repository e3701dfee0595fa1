package kr.go.gg.training.query.platform.replay;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * The reset context of a replay of some read models on the shared processor
 * ({@link ProcessingGroups#READ_MODELS}): {@code TrackingEventProcessor.resetTokens(new ProjectionReplay(...))}
 * hands it to the {@code @ResetHandler}s and Axon keeps it in the {@link ReplayToken} (stored with the token, as
 * JSON with its class name) until the replay has passed the reset position. {@link ProjectionReplayFilter} lets
 * only the named projections see the reset and the replayed events; events newer than the reset position are
 * regular events for every projection. A reset without a context (a plain {@code resetTokens()}) rebuilds all.
 *
 * @param projections the processing group names (= projection names) to rebuild, sorted, without duplicates
 */
public record ProjectionReplay(List<String> projections) {

    public ProjectionReplay {
        projections = List.copyOf(new TreeSet<>(projections));
    }

    public static ProjectionReplay of(String... projections) {
        return new ProjectionReplay(List.of(projections));
    }

    public boolean includes(String projection) {
        return projections.contains(projection);
    }

    /** This replay and {@code projection} too. */
    public ProjectionReplay and(String projection) {
        TreeSet<String> all = new TreeSet<>(projections);
        all.add(projection);
        return new ProjectionReplay(List.copyOf(all));
    }

    /**
     * The projections a token replays for: empty when it is no replay token; a replay token without a
     * {@code ProjectionReplay} context (a plain {@code resetTokens()}) replays for every projection ({@link #ALL}).
     */
    public static Optional<ProjectionReplay> of(TrackingToken token) {
        if (WrappedToken.unwrap(token, ReplayToken.class).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ReplayToken.replayContext(token, ProjectionReplay.class).orElse(ALL));
    }

    /**
     * Like {@link #of(TrackingToken)}, but empty as well for a replay token that has reached its reset position
     * (Axon keeps the replay token until the next newer event arrives; such a replay is done).
     */
    public static Optional<ProjectionReplay> running(TrackingToken token) {
        Optional<ReplayToken> replay = WrappedToken.unwrap(token, ReplayToken.class);
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        TrackingToken current = replay.get().getCurrentToken();
        TrackingToken resetAt = WrappedToken.unwrapUpperBound(replay.get().getTokenAtReset());
        if (current != null && resetAt != null && current.covers(resetAt)) {
            return Optional.empty();
        }
        return of(token);
    }

    /** The projections the tokens are still replaying for, all of them together; empty when none replays. */
    public static Optional<ProjectionReplay> runningIn(Collection<TrackingToken> tokens) {
        Optional<ProjectionReplay> running = Optional.empty();
        for (TrackingToken token : tokens) {
            Optional<ProjectionReplay> replay = running(token);
            if (replay.isPresent()) {
                running = Optional.of(running.map(r -> r.and(replay.get())).orElse(replay.get()));
            }
        }
        return running;
    }

    /** This replay and every projection of {@code other} too. */
    public ProjectionReplay and(ProjectionReplay other) {
        TreeSet<String> all = new TreeSet<>(projections);
        all.addAll(other.projections);
        return new ProjectionReplay(List.copyOf(all));
    }

    /** The projections a replayed event is meant for ({@link #ALL} for a replay without context); empty if it is no replay. */
    public static Optional<ProjectionReplay> of(EventMessage<?> event) {
        if (!ReplayToken.isReplay(event)) {
            return Optional.empty();
        }
        return Optional.of(ReplayToken.replayContext(event, ProjectionReplay.class).orElse(ALL));
    }

    /** Every projection of {@link ProcessingGroups#ALL}. */
    public static final ProjectionReplay ALL = new ProjectionReplay(ProcessingGroups.ALL);
}
