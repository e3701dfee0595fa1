package kr.go.gg.training.query.platform.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** What {@code GET /api/admin/projections} says of one projection, from Axon's own tokens and segment status. */
class ProjectionStatusTest {

    private static final long RESET_AT = 10;
    private static final long HEAD = 12;

    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, List.of());
    }

    /** The processor's token after a replay of the rosters (reset at {@link #RESET_AT}) has handled up to {@code index}. */
    private static TrackingToken rostersReplayAt(long index) {
        ReplayToken reset = (ReplayToken) ReplayToken.createReplayToken(at(RESET_AT), null,
                ProjectionReplay.of(ProcessingGroups.ROSTERS));
        return reset.advancedTo(at(index));
    }

    private static ProjectionAdmin.ProjectionStatus status(String projection, TrackingToken token) {
        Map<Integer, EventTrackerStatus> segments = Map.of(0, new TrackerStatus(Segment.ROOT_SEGMENT, token));
        return ProjectionAdmin.status(projection, segments, HEAD);
    }

    @Test
    void a_projection_replays_while_the_replay_is_behind_its_reset_position() {
        ProjectionAdmin.ProjectionStatus rosters = status(ProcessingGroups.ROSTERS, rostersReplayAt(4));

        assertThat(rosters.replaying()).isTrue();
        assertThat(rosters.progress()).isCloseTo(0.4, within(1e-9));
        assertThat(rosters.position()).isEqualTo(4);
    }

    @Test
    void the_projections_not_named_by_the_replay_do_not_replay_meanwhile() {
        assertThat(status(ProcessingGroups.COURSE_SUMMARIES, rostersReplayAt(4)).replaying()).isFalse();
    }

    @Test
    void a_replay_that_has_reached_its_reset_position_is_over_though_axon_keeps_its_replay_token() {
        TrackingToken token = rostersReplayAt(RESET_AT);
        assertThat(token).isInstanceOf(ReplayToken.class); // until an event newer than the reset position arrives

        ProjectionAdmin.ProjectionStatus rosters = status(ProcessingGroups.ROSTERS, token);

        assertThat(rosters.replaying()).isFalse();
        assertThat(rosters.progress()).isCloseTo((double) RESET_AT / HEAD, within(1e-9));
    }

    @Test
    void a_replay_without_a_named_projection_replays_every_projection() {
        TrackingToken all = ((ReplayToken) ReplayToken.createReplayToken(at(RESET_AT))).advancedTo(at(4));

        assertThat(status(ProcessingGroups.AUDIT_LOG, all).replaying()).isTrue();
        assertThat(status(ProcessingGroups.ROSTERS, all).replaying()).isTrue();
    }

    @Test
    void a_plain_token_is_no_replay() {
        ProjectionAdmin.ProjectionStatus rosters = status(ProcessingGroups.ROSTERS, at(HEAD));

        assertThat(rosters.replaying()).isFalse();
        assertThat(rosters.progress()).isEqualTo(1.0);
    }
}
