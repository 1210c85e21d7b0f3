package com.propty.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty clients reading and writing one document at once. Without {@link ConsistentBackend} the server encodes a
 * reply from the document another connection is updating and one of them fails with a dropped connection.
 */
class ConcurrentDocumentTest {

    private static final int CLIENTS = 50;

    @RepeatedTest(5)
    void fiftyReadersAndWritersOfOneDocumentNeverFail() throws Exception {
        try (MongoWireServer server = MongoWireServer.inMemory()) {
            hammer(server, 20);
        }
    }

    @Test
    void theFileBackedStoreIsSafeToo(@TempDir Path dir) throws Exception {
        try (MongoWireServer server = MongoWireServer.persistent(0, dir.resolve("data.mv"))) {
            hammer(server, 8);
        }
    }

    @Test
    void helloIsAnsweredLikeIsMasterSoHealthChecksWork() {
        try (MongoWireServer server = MongoWireServer.inMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).isNotNull();
        }
    }

    @Test
    void eachDatabaseHasItsOwnLockSoOneServiceNeverWaitsForAnother() throws Exception {
        // A backend whose write to database "a" blocks until released: a write to "b" must not wait for it,
        // a read of "a" must.
        CountDownLatch inA = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        de.bwaldvogel.mongo.MongoBackend blocking = (de.bwaldvogel.mongo.MongoBackend) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {de.bwaldvogel.mongo.MongoBackend.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("handleCommand") && "a".equals(args[1])
                                    && "update".equals(args[2])) {
                                inA.countDown();
                                releaseA.await(30, TimeUnit.SECONDS);
                            }
                            return method.getName().equals("handleCommand") ? new de.bwaldvogel.mongo.bson.Document()
                                    : null;
                        });
        ConsistentBackend backend = new ConsistentBackend(blocking);
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writeA = pool.submit(() -> backend.handleCommand(null, "a", "update", query));
            assertThat(inA.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> writeB = pool.submit(() -> backend.handleCommand(null, "b", "update", query));
            Future<?> readA = pool.submit(() -> backend.handleCommand(null, "a", "find", query));
            writeB.get(10, TimeUnit.SECONDS); // done while "a" is still held
            assertThat(readA.isDone()).as("a read of the database being written waits").isFalse();
            releaseA.countDown();
            writeA.get(10, TimeUnit.SECONDS);
            readA.get(10, TimeUnit.SECONDS);
        } finally {
            releaseA.countDown();
            pool.shutdownNow();
        }
        assertThat(ConsistentBackend.spansDatabases("listDatabases")).isTrue();
        assertThat(ConsistentBackend.spansDatabases("find")).isFalse();
    }

    @Test
    void readCommandsShareTheLockAndEverythingElseIsExclusive() {
        assertThat(ConsistentBackend.isRead("find", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(ConsistentBackend.isRead("getMore", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(ConsistentBackend.isRead("update", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        assertThat(ConsistentBackend.isRead("findAndModify", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        assertThat(ConsistentBackend.isRead("someFutureCommand", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        var plain = new de.bwaldvogel.mongo.bson.Document("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document())));
        var out = new de.bwaldvogel.mongo.bson.Document("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$out", "copy")));
        assertThat(ConsistentBackend.isRead("aggregate", plain)).isTrue();
        assertThat(ConsistentBackend.isRead("aggregate", out)).isFalse();
    }

    private static void hammer(MongoWireServer server, int rounds) throws Exception {
        try (MongoClient client = MongoClients.create(server.connectionString() + "/?maxPoolSize=" + CLIENTS)) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "n-1").append("count", 0).append("items", new ArrayList<>()));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client_ = c;
                    Callable<Integer> work = () -> {
                        start.await();
                        int writes = 0;
                        for (int r = 0; r < rounds; r++) {
                            if (client_ % 2 == 0) {
                                // Writers grow the document, so the encoder of a racing read walks a changing map.
                                counters.updateOne(Filters.eq("_id", "n-1"), Updates.combine(Updates.inc("count", 1),
                                        Updates.push("items", new Document("c", client_).append("r", r)),
                                        Updates.set("f" + client_ + "-" + r, r)));
                                counters.findOneAndUpdate(Filters.eq("_id", "n-1"), Updates.set("last", client_),
                                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                                counters.updateOne(Filters.eq("_id", "other-" + client_), Updates.inc("n", 1),
                                        new UpdateOptions().upsert(true));
                                writes++;
                            } else {
                                Document read = counters.find(Filters.eq("_id", "n-1")).first();
                                assertThat(read).isNotNull();
                                // A reader never sees a half-applied write: the push and the count move together.
                                assertThat(read.getList("items", Document.class)).hasSize(read.getInteger("count"));
                                counters.countDocuments();
                            }
                        }
                        return writes;
                    };
                    futures.add(pool.submit(work));
                }
                start.countDown();
                int writes = 0;
                for (Future<Integer> future : futures) {
                    writes += future.get(120, TimeUnit.SECONDS);
                }
                Document last = counters.find(Filters.eq("_id", "n-1")).first();
                assertThat(last.getInteger("count")).isEqualTo(writes);
                assertThat(last.getList("items", Document.class)).hasSize(writes);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
