package kr.go.gg.training.command.axonserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import kr.go.gg.training.api.command.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRetryingCommandBusTest {

    private final SimpleCommandBus local = SimpleCommandBus.builder().build();
    private final AtomicInteger handled = new AtomicInteger();

    private CommandResultMessage<?> send(ConflictRetryingCommandBus bus) throws Exception {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("enrol"), (command, result) -> answer.complete(result));
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_command_that_lost_a_race_is_handled_again_and_answers_its_second_result() throws Exception {
        local.subscribe(String.class.getName(), command -> {
            if (handled.incrementAndGet() == 1) {
                throw new ConcurrencyException("another node appended sequence number 7 first");
            }
            return 8L;
        });

        CommandResultMessage<?> result = send(new ConflictRetryingCommandBus(local, 3));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo(8L);
        assertThat(handled).hasValue(2);
    }

    @Test
    void a_conflict_that_outlasts_the_attempts_is_a_conflict_refusal_its_sender_can_read() throws Exception {
        local.subscribe(String.class.getName(), command -> {
            handled.incrementAndGet();
            throw new ConcurrencyException("another node appended first");
        });

        CommandResultMessage<?> result = send(new ConflictRetryingCommandBus(local, 3));

        assertThat(handled).hasValue(3);
        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        assertThat(Refusal.of((CommandExecutionException) result.exceptionResult()))
                .map(Refusal::kind).contains(Refusal.Kind.CONFLICT);
    }

    @Test
    void any_other_failure_is_answered_at_once() throws Exception {
        local.subscribe(String.class.getName(), command -> {
            handled.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        });

        CommandResultMessage<?> result = send(new ConflictRetryingCommandBus(local, 3));

        assertThat(handled).hasValue(1);
        assertThat(result.exceptionResult()).isInstanceOf(IllegalStateException.class);
    }
}
