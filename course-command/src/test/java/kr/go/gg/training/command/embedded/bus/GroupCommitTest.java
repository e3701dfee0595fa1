package kr.go.gg.training.command.embedded.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import kr.go.gg.training.api.course.CancelCourse;
import kr.go.gg.training.api.course.CourseId;
import kr.go.gg.training.api.course.Direction;
import kr.go.gg.training.api.course.Program;
import kr.go.gg.training.api.course.ProposeCourse;
import kr.go.gg.training.command.HttpTestSupport;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Group commit: commands dispatched to a bus that has not started yet wait in its queue, so a test decides exactly
 * which commands form a group. The bus under test is a second {@link GroupCommitCommandBus} on the application's
 * own handling bus (its handlers, interceptors, repository and event store).
 */
class GroupCommitTest extends HttpTestSupport {

    @Autowired
    GroupCommitCommandBus applicationBus;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<Integer> committedGroups = new CopyOnWriteArrayList<>();
    private GroupCommitCommandBus paused;

    private GroupCommitCommandBus paused() {
        return paused(Duration.ZERO);
    }

    private GroupCommitCommandBus paused(Duration gather) {
        paused = new GroupCommitCommandBus(applicationBus.local(), new SpringTransactionManager(transactionManager),
                64, gather, committedGroups::add);
        return paused;
    }

    @AfterEach
    void stop() {
        if (paused != null) {
            paused.shutDown();
        }
    }

    @Test
    void commandsWaitingTogetherCommitInOneGroupAndEachIsAnsweredWithItsOwnResult() throws Exception {
        GroupCommitCommandBus group = paused();
        CourseId first = CourseId.random();
        CourseId second = CourseId.random();
        var proposeFirst = send(group, propose(first));
        var proposeSecond = send(group, propose(second));
        var cancelFirst = send(group, new CancelCourse(first, "merged with another course"));

        group.start();

        assertThat(answer(proposeFirst).isExceptional()).isFalse();
        assertThat(answer(proposeSecond).isExceptional()).isFalse();
        assertThat(answer(cancelFirst).isExceptional()).isFalse();
        assertThat(committedGroups).containsExactly(3);
        assertThat(events(first)).isEqualTo(2);
        assertThat(events(second)).isEqualTo(1);
    }

    @Test
    void aRefusedCommandEndsItsGroupLeavesNoEventAndTheCommandsAfterItStillCommit() throws Exception {
        GroupCommitCommandBus group = paused();
        CourseId course = CourseId.random();
        CourseId later = CourseId.random();
        var propose = send(group, propose(course));
        var cancel = send(group, new CancelCourse(course, "no budget"));
        var cancelAgain = send(group, new CancelCourse(course, "no budget, again"));
        var proposeLater = send(group, propose(later));

        group.start();

        assertThat(answer(propose).isExceptional()).isFalse();
        assertThat(answer(cancel).isExceptional()).isFalse();
        assertThat(answer(cancelAgain).isExceptional()).isTrue();
        assertThat(answer(proposeLater).isExceptional()).isFalse();
        assertThat(committedGroups).containsExactly(3, 1);
        assertThat(events(course)).isEqualTo(2);
        assertThat(events(later)).isEqualTo(1);
    }

    @Test
    void aGroupWhoseCommitFailsIsHandledAgainOneCommandAtATimeSoOnlyTheOffendingCommandFails() throws Exception {
        CourseId existing = CourseId.random();
        GroupCommitCommandBus setUp = paused();
        setUp.start();
        assertThat(answer(send(setUp, propose(existing))).isExceptional()).isFalse();
        setUp.shutDown();
        committedGroups.clear();

        // another writer cancels the (cached) course behind this bus's back: the cancellation below is handled on
        // the cached aggregate and its append collides only when the group commits
        jdbc.update("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                        + " payloadType, payloadRevision, payload, metaData) VALUES (?, ?, 1, 'Course', ?, ?, '1', ?, ?)",
                java.util.UUID.randomUUID().toString(), existing.value(), java.time.Instant.now().toString(),
                "kr.go.gg.training.api.course.CourseCancelled",
                ("{\"courseId\":\"" + existing + "\",\"reason\":\"elsewhere\",\"cancelledIn\":\"PROPOSED\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        GroupCommitCommandBus group = paused();
        CourseId fresh = CourseId.random();
        CourseId another = CourseId.random();
        var proposeFresh = send(group, propose(fresh));
        var cancelExisting = send(group, new CancelCourse(existing, "cancelled here too"));
        var proposeAnother = send(group, propose(another));

        group.start();

        assertThat(answer(proposeFresh).isExceptional()).isFalse();
        assertThat(answer(cancelExisting).isExceptional()).isTrue();
        assertThat(answer(proposeAnother).isExceptional()).isFalse();
        assertThat(committedGroups).containsExactly(1, 1, 1);
        assertThat(events(fresh)).isEqualTo(1);
        assertThat(events(existing)).isEqualTo(2);
        assertThat(events(another)).isEqualTo(1);
    }

    @Test
    void noCommandIsAnsweredBeforeItsEventsAreCommittedForEveryOtherConnection() throws Exception {
        GroupCommitCommandBus group = paused();
        CourseId course = CourseId.random();
        CompletableFuture<Integer> seenByAnotherThread = new CompletableFuture<>();
        group.dispatch(GenericCommandMessage.asCommandMessage(propose(course)), (command, result) ->
                seenByAnotherThread.complete(CompletableFuture.supplyAsync(() -> events(course)).join()));

        group.start();

        assertThat(seenByAnotherThread.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aGroupSmallerThanTheOneBeforeWaitsForMoreCommandsUpToTheGatherTime() throws Exception {
        GroupCommitCommandBus group = paused(Duration.ofSeconds(5));
        List<CompletableFuture<CommandResultMessage<?>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(send(group, propose(CourseId.random())));
        }
        group.start();
        for (var answer : answers) {
            assertThat(answer(answer).isExceptional()).isFalse();
        }

        // the three callers come back one by one: the group waits for all three (well within the 5 s)
        answers.clear();
        for (int i = 0; i < 3; i++) {
            answers.add(send(group, propose(CourseId.random())));
            Thread.sleep(100);
        }
        for (var answer : answers) {
            assertThat(answer(answer).isExceptional()).isFalse();
        }
        assertThat(committedGroups).containsExactly(3, 3);
    }

    @Test
    void whenNoTransactionCanBeStartedEveryWaitingCommandIsToldAndTheBusCarriesOn() throws Exception {
        paused = new GroupCommitCommandBus(applicationBus.local(), () -> {
            throw new IllegalStateException("the event store database is unavailable");
        }, 64, Duration.ZERO, committedGroups::add);
        var first = send(paused, propose(CourseId.random()));
        var second = send(paused, propose(CourseId.random()));

        paused.start();

        assertThat(answer(first).exceptionResult()).hasMessageContaining("unavailable");
        assertThat(answer(second).exceptionResult()).hasMessageContaining("unavailable");
        assertThat(answer(send(paused, propose(CourseId.random()))).isExceptional()).isTrue(); // still answering
        assertThat(committedGroups).isEmpty();
    }

    @Test
    void aCommandSentAfterShutDownIsRefusedAtOnce() throws Exception {
        GroupCommitCommandBus group = paused();
        group.start();
        group.shutDown();

        assertThat(answer(send(group, propose(CourseId.random()))).isExceptional()).isTrue();
        assertThat(committedGroups).isEmpty();
    }

    private static ProposeCourse propose(CourseId id) {
        return new ProposeCourse(id, "Smart city planning", Program.KOICA, Direction.INBOUND, "KOICA", 20, 2026);
    }

    private static CompletableFuture<CommandResultMessage<?>> send(GroupCommitCommandBus bus, Object command) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), (c, result) -> answer.complete(result));
        return answer;
    }

    private static CommandResultMessage<?> answer(CompletableFuture<CommandResultMessage<?>> answer) throws Exception {
        return answer.get(30, TimeUnit.SECONDS);
    }

    private int events(CourseId course) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, course.value());
        return count == null ? 0 : count;
    }
}
