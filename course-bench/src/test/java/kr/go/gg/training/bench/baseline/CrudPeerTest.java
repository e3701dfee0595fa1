package kr.go.gg.training.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.StartCourse;
import kr.go.gg.training.bench.workload.CoursePlan;

/** The CRUD peer does the workload's courses as the aggregate would, and refuses what the aggregate refuses. */
class CrudPeerTest {

    private MongoServer server;
    private MongoClient client;
    private CrudPeer peer;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        peer = new CrudPeer(client.getDatabase("crud-peer-test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private Document course(CourseId id) {
        return client.getDatabase("crud-peer-test").getCollection(CrudPeer.COLLECTION)
                .find(Filters.eq("_id", id.value())).first();
    }

    @Test
    void a_planned_course_walks_from_proposal_to_completion() {
        CourseId id = CourseId.random();
        List<Object> commands = CoursePlan.commands("Test", 7, id, 3);
        commands.forEach(peer::handle);

        Document course = course(id);
        assertThat(course.getString("status")).isEqualTo("COMPLETED");
        assertThat(course.getList("participants", String.class)).hasSize(3);
        assertThat(course.getInteger("version")).as("one change per command after the proposal")
                .isEqualTo(commands.size() - 1);
        assertThat(peer.count()).isEqualTo(1);
    }

    @Test
    void a_step_out_of_order_is_refused_with_the_steps_allowed() {
        CourseId id = CourseId.random();
        peer.handle(CoursePlan.commands("Test", 0, id, 1).get(0));

        assertThatThrownBy(() -> peer.handle(new StartCourse(id)))
                .isInstanceOf(CrudPeer.Refused.class)
                .hasMessageContaining("is PROPOSED; cannot START; allowed now: [SURVEY]");
        assertThat(course(id).getInteger("version")).as("nothing written").isZero();
    }

    @Test
    void a_command_for_no_course_is_refused() {
        CourseId id = CourseId.random();

        assertThatThrownBy(() -> peer.handle(new StartCourse(id)))
                .isInstanceOf(CrudPeer.Refused.class)
                .hasMessageContaining("no course");
    }
}
