package com.propty.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes mongo-java-server safe under concurrent connections. The server updates stored documents in place and
 * encodes replies (on the connection's Netty thread, after the backend returns) from those same objects, so a read
 * racing an update of one document failed with {@code ConcurrentModificationException} and dropped the connection.
 *
 * <p>Every call takes the read-write lock of its database — commands that only read share it, everything else is
 * exclusive — and every reply is deep-copied before the lock is released, so what the encoder walks belongs to that
 * one reply. A document lives in one database, and each service has its own, so one service's long scan never holds
 * up another's writes; calls that span databases (closing a connection, the server's status) take them all, in
 * name order. Queries see
 * whole documents only (a write is never half-applied under a reader), as on real MongoDB.
 *
 * <p>Conditional writes by {@code _id} are narrowed to that one document first ({@link IdFirst}), under the same
 * exclusive lock.
 *
 * <p>It also logs a failed command by name and error code only: the server's own handler logs the whole command
 * document (residents' addresses), so the local platform's logging configuration silences it.
 */
final class ConsistentBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(ConsistentBackend.class);

    /** Commands that never change data (lower case). Anything else, an unknown command included, is exclusive. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "dbstats", "collstats", "ismaster", "hello", "buildinfo", "ping",
            "serverstatus", "getlasterror", "getparameter", "getcmdlineopts", "connectionstatus", "hostinfo",
            "whatsmyuri", "getlog", "explain");

    private final MongoBackend backend;
    private final Map<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();

    ConsistentBackend(MongoBackend backend) {
        this.backend = backend;
    }

    static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return !writesOutput(query.get("pipeline"));
        }
        return READS.contains(name);
    }

    private static boolean writesOutput(Object pipeline) {
        if (pipeline instanceof Collection<?> stages) {
            for (Object stage : stages) {
                if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String served = served(command);
        boolean read = isRead(served, query);
        return lockedCommand(database, served, read, () -> {
            if (!read) {
                IdFirst.narrow(backend, channel, database, query);
            }
            return copy(backend.handleCommand(channel, database, served, query));
        });
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document document = message.getDocument();
        String command = document.isEmpty() ? "" : document.keySet().iterator().next();
        if (!served(command).equals(command)) {
            return handleCommand(message.getChannel(), message.getDatabaseName(), command, document);
        }
        boolean read = isRead(command, document);
        return lockedCommand(message.getDatabaseName(), command, read, () -> {
            if (!read) {
                IdFirst.narrow(backend, message.getChannel(), message.getDatabaseName(), document);
            }
            return copy(backend.handleMessage(message));
        });
    }

    /**
     * {@code hello} (what drivers and Boot's MongoDB health check send since MongoDB 4.4) is answered as the older
     * {@code isMaster}, which the server knows: same members, so the health check works on the embedded store too.
     */
    static String served(String command) {
        return command.equalsIgnoreCase("hello") ? "isMaster" : command;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return locked(query.getDatabaseName(), true, "query", () -> {
            QueryResult result = backend.handleQuery(query);
            if (result == null) {
                return null;
            }
            List<Document> documents = new ArrayList<>();
            for (Document document : result) {
                documents.add(document.cloneDeeply());
            }
            return new QueryResult(documents, result.getCursorId());
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return lockedAll(true, "currentOp", () -> backend.getCurrentOperations(query).stream().map(Document::cloneDeeply)
                .toList());
    }

    @Override
    public Document getServerStatus() {
        return lockedAll(true, "serverStatus", () -> copy(backend.getServerStatus()));
    }

    @Override
    public void handleClose(Channel channel) {
        lockedAll(false, "close", () -> {
            backend.handleClose(channel);
            return null;
        });
    }

    @Override
    public void dropDatabase(String database) {
        locked(database, false, "dropDatabase", () -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        lockedAll(false, "killCursors", () -> {
            backend.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public void close() {
        lockedAll(false, "shutdown", () -> {
            backend.close();
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }

    private <T> T locked(String database, boolean read, String command, Supplier<T> call) {
        return locked(List.of(lock(database)), read, command, call);
    }

    /** A command of one database, but the admin commands that read or move other databases take them all. */
    private <T> T lockedCommand(String database, String command, boolean read, Supplier<T> call) {
        if (spansDatabases(command)) {
            return lockedAll(read, command, call);
        }
        return locked(database, read, command, call);
    }

    static boolean spansDatabases(String command) {
        return command.equalsIgnoreCase("listDatabases") || command.equalsIgnoreCase("renameCollection")
                || command.equalsIgnoreCase("dropDatabase") || command.equalsIgnoreCase("copydb");
    }

    /** Every database's lock, always in name order, so two such calls can never deadlock. */
    private <T> T lockedAll(boolean read, String command, Supplier<T> call) {
        List<ReentrantReadWriteLock> all = new TreeMap<>(locks).values().stream().toList();
        return locked(all, read, command, call);
    }

    private ReentrantReadWriteLock lock(String database) {
        return locks.computeIfAbsent(database == null ? "" : database, d -> new ReentrantReadWriteLock());
    }

    private <T> T locked(List<ReentrantReadWriteLock> which, boolean read, String command, Supplier<T> call) {
        List<Lock> held = new ArrayList<>(which.size());
        for (ReentrantReadWriteLock lock : which) {
            Lock one = read ? lock.readLock() : lock.writeLock();
            one.lock();
            held.add(one);
        }
        try {
            return call.get();
        } catch (MongoServerError e) {
            // Expected outcomes such as a duplicate key (claims and idempotency keys are taken by insert).
            log.debug("{} failed: code {} ({})", command, e.getCode(), e.getCodeName());
            throw e;
        } catch (MongoServerException e) {
            log.warn("{} failed: {}", command, e.getClass().getSimpleName());
            throw e;
        } catch (RuntimeException e) {
            log.error("{} failed unexpectedly", command, e);
            throw e;
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        }
    }

    private static Document copy(Document document) {
        return document == null ? null : document.cloneDeeply();
    }
}
