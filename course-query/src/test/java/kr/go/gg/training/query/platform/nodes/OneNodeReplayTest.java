package kr.go.gg.training.query.platform.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import kr.go.gg.training.query.QueryApplicationTest;
import kr.go.gg.training.query.platform.readmodel.ProcessingGroups;
import kr.go.gg.training.query.platform.replay.ProjectionAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default is one node: a replay tells nobody else, and the board in MongoDB stays empty. */
class OneNodeReplayTest extends QueryApplicationTest {

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    MongoDatabase readModelDatabase;

    @Test
    void aReplayOnTheEmbeddedDefaultWritesNothingToTheQueryNodesBoard() {
        assertThat(admin.replay(ProcessingGroups.AGREEMENTS)).isPresent();

        assertThat(readModelDatabase.getCollection(ReadModelNodes.COLLECTION).countDocuments()).isZero();
    }
}
