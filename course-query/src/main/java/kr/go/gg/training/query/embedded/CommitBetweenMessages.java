package kr.go.gg.training.query.embedded;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The wire server's H2 backend, written to its file only BETWEEN messages, never in the middle of one.
 * <p>
 * Why: the backend keeps a collection's documents and its {@code _id} index in two MVStore maps and changes them
 * one after the other, without a transaction; MVStore's own auto-commit (a background thread, every second) could
 * store the document of an insert without its index entry. After a {@code kill -9} right then, the document was
 * there but no {@code _id} lookup found it, so the read-model processor's re-delivered upsert failed ("Document
 * with key ... already existed") on every retry and the read side never caught up again (course-standalone's
 * {@code CrashSafetyIT}, once, on a clean CI run). Here the store's auto-commit is off ({@link ReadModelStore} opens
 * it so) and {@link #commit} takes the store's version only while no message is being handled: every message
 * (a whole bulk write included) is in a stored version entirely or not at all.
 */
final class CommitBetweenMessages implements MongoBackend {

    private final MongoBackend delegate;
    private final MVStore store;
    private final Lock inMessage;
    private final Lock betweenMessages;

    CommitBetweenMessages(MongoBackend delegate, MVStore store) {
        this.delegate = delegate;
        this.store = store;
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.inMessage = lock.readLock();
        this.betweenMessages = lock.writeLock();
    }

    /** Stores what every finished message changed; false when the store is closed. */
    boolean commit() {
        return betweenMessages(() -> {
            if (store.isClosed()) {
                return false;
            }
            store.commit();
            return true;
        });
    }

    /** Runs {@code work} (a commit, closing) while no message is being handled. */
    private <T> T betweenMessages(Supplier<T> work) {
        return holding(betweenMessages, work);
    }

    private <T> T inMessage(Supplier<T> work) {
        return holding(inMessage, work);
    }

    private static <T> T holding(Lock lock, Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void inMessage(Runnable work) {
        inMessage(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return inMessage(() -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return inMessage(() -> delegate.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return inMessage(() -> delegate.handleQuery(query));
    }

    @Override
    public void handleClose(Channel channel) {
        inMessage(() -> delegate.handleClose(channel));
    }

    @Override
    public void dropDatabase(String database) {
        inMessage(() -> delegate.dropDatabase(database));
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return inMessage(() -> delegate.resolveDatabase(database));
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        inMessage(() -> delegate.closeCursors(cursorIds));
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return inMessage(() -> delegate.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return inMessage(delegate::getServerStatus);
    }

    /** Closing stores the last changes: also only between messages. */
    @Override
    public void close() {
        betweenMessages(() -> {
            delegate.close();
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
