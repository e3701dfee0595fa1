package kr.go.gg.training.command.embedded.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Group commit for the embedded event store. With {@code WRITE_DELAY=0} every H2 commit writes a chunk to the
 * file before it returns, and that write was most of a command's cost (JFR, docs/benchmarks.md). Here the
 * commands waiting at a moment are handled one after another on one thread, each in its own unit of work nested
 * in one group unit of work that owns ONE JDBC transaction: Axon moves a nested unit of work's events to its
 * parent, so the whole group's events are appended together and committed with one chunk write. Nobody is
 * answered before that commit: results are held until the group has committed (nothing acknowledged is lost).
 * <p>
 * Rules that keep a group as safe as single commands:
 * <ul>
 * <li>A command that fails (a refusal, a bad id, anything) ends its group: the commands before it commit, and the
 *     next command starts a new group, so no command ever sees aggregate state left by a rolled-back one.</li>
 * <li>If the group's commit fails (e.g. a duplicate aggregate creation detected by the append), the group's
 *     transaction rolls back (and the aggregate cache drops what the group touched), and its commands run again
 *     one by one, each in a group of its own, so only the offending command fails.</li>
 * <li>A group holding fewer commands than the one before waits up to {@code gather} for more (as a database's
 *     commit delay does): with N clients each sending its next command once answered, groups then carry N.</li>
 * <li>A command dispatched from the group thread itself (a handler sending a command) is handled inline, in the
 *     current group, rather than queued behind it.</li>
 * </ul>
 * Command handlers, handler interceptors and the unit-of-work machinery are Axon's: this class only orders the
 * dispatches of one {@link CommandBus} (a {@code SimpleCommandBus} whose units of work use a NESTED transaction,
 * i.e. a savepoint inside the group's transaction) and decides when the group commits.
 */
public class GroupCommitCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final CommandBus local;
    private final TransactionManager groupTransactions;
    private final int maxGroupSize;
    private final long gatherNanos;
    private final IntConsumer groupSizes;
    private final BlockingQueue<QueuedCommand<?, ?>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Object stateLock = new Object();
    /** NEW: dispatches wait in the queue; RUNNING: handled; STOPPED: refused. */
    private volatile State state = State.NEW;

    private enum State { NEW, RUNNING, STOPPED }

    /**
     * @param local             the bus that handles each command (its units of work must join the group's
     *                          transaction as a savepoint: NESTED propagation)
     * @param groupTransactions starts the transaction of a group (REQUIRED propagation)
     * @param maxGroupSize      at most this many commands in one commit
     * @param gather            how long a group may wait for more commands while it holds fewer than the group
     *                          before it (whose callers are likely sending again); zero: never waits
     * @param groupSizes        told the size of every committed group (a metric)
     */
    public GroupCommitCommandBus(CommandBus local, TransactionManager groupTransactions, int maxGroupSize,
                                 Duration gather, IntConsumer groupSizes) {
        this.local = local;
        this.groupTransactions = groupTransactions;
        this.maxGroupSize = maxGroupSize;
        this.gatherNanos = gather.toNanos();
        this.groupSizes = groupSizes;
        this.worker = new Thread(this::work, "command-group-commit");
        this.worker.setDaemon(true);
    }

    /** The bus that handles each command (tests build a second group-commit bus on it). */
    CommandBus local() {
        return local;
    }

    /** Starts handling; commands dispatched before wait in the queue (tests use this to form a group). */
    public void start() {
        synchronized (stateLock) {
            if (state == State.NEW) {
                state = State.RUNNING;
                worker.start();
            }
        }
    }

    /**
     * Handles what is queued, then stops; later dispatches fail. The worker is never interrupted: an interrupt
     * during file I/O closes H2's file channel.
     */
    public void shutDown() {
        synchronized (stateLock) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (c, r) -> {
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (Thread.currentThread() == worker) {
            local.dispatch(command, callback); // a command sent while handling one: part of the current group
            return;
        }
        synchronized (stateLock) {
            if (state != State.STOPPED) {
                queue.add(new QueuedCommand<>(command, callback));
                return;
            }
        }
        callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(
                new NoHandlerForCommandException("The command bus has shut down")));
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return local.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return local.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return local.registerDispatchInterceptor(dispatchInterceptor);
    }

    /** Size of the group before; touched by the worker only. */
    private int lastGroupSize;

    private void work() {
        List<QueuedCommand<?, ?>> group = new ArrayList<>(maxGroupSize);
        while (state == State.RUNNING || !queue.isEmpty()) {
            try {
                QueuedCommand<?, ?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroupSize - 1);
                if (gatherNanos > 0 && group.size() < lastGroupSize) {
                    // the callers of the last group are likely about to send again: wait a moment for them
                    long deadline = System.nanoTime() + gatherNanos;
                    while (group.size() < lastGroupSize) {
                        long left = deadline - System.nanoTime();
                        QueuedCommand<?, ?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                        if (next == null) {
                            break;
                        }
                        group.add(next);
                        queue.drainTo(group, maxGroupSize - group.size());
                    }
                }
                lastGroupSize = group.size();
                int handled = 0;
                while (handled < group.size()) {
                    handled += runGroup(group.subList(handled, group.size()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("Command group failed unexpectedly", e);
                group.forEach(request -> request.fail(e));
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Handles requests from the start of {@code pending} in one group until one fails (that one included), commits
     * the group, answers its requests and returns how many it took. If the commit fails, they run one by one.
     */
    private int runGroup(List<QueuedCommand<?, ?>> pending) {
        List<QueuedCommand<?, ?>> group = new ArrayList<>();
        UnitOfWork<Message<String>> unitOfWork = DefaultUnitOfWork.startAndGet(GROUP);
        try {
            unitOfWork.attachTransaction(groupTransactions);
            for (QueuedCommand<?, ?> request : pending) {
                group.add(request);
                request.handle(local);
                if (request.failed()) {
                    break; // a failed command ends the group (see the class comment)
                }
            }
            unitOfWork.commit();
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            if (group.isEmpty()) {
                // no transaction to be had (e.g. the database is unavailable): nothing ran, every caller is told
                pending.forEach(request -> request.fail(e));
                return pending.size();
            }
            if (group.size() > 1) {
                log.debug("A group of {} commands failed to commit; handling them one by one", group.size(), e);
                for (QueuedCommand<?, ?> request : group) {
                    request.reset();
                    runGroup(List.of(request));
                }
                return group.size();
            }
            group.forEach(request -> request.fail(e));
            return group.size();
        }
        groupSizes.accept(group.size());
        group.forEach(QueuedCommand::answer);
        return group.size();
    }

    private void failQueued() {
        QueuedCommand<?, ?> request;
        while ((request = queue.poll()) != null) {
            request.fail(new NoHandlerForCommandException("The command bus has shut down"));
        }
    }

    private static final Message<String> GROUP = new GenericMessage<>("command group");
}
