package com.propty.localmongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional writes by {@code _id} reach the server as a lookup of that one document ({@link IdFirst}), with the
 * results they always had: matched, not matched, upserted, refused as a duplicate, deleted or not.
 */
class IdFirstTest {

    /** The filters of the writes the server itself was handed, after narrowing. */
    private final List<Object> handedFilters = new CopyOnWriteArrayList<>();
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> notices;

    @BeforeEach
    void start() {
        MongoBackend real = new MemoryBackend();
        MongoBackend recording = (MongoBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handleMessage")) {
                        record(((MongoMessage) args[0]).getDocument());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        server = new MongoServer(new ConsistentBackend(recording));
        server.bind("localhost", 0);
        client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
        notices = client.getDatabase("idfirst").getCollection("notices");
        for (int i = 0; i < 50; i++) {
            notices.insertOne(new Document("_id", "other-" + i).append("status", "SENT"));
        }
        notices.insertOne(new Document("_id", "n1").append("status", "DRAFT").append("owner", "ann"));
        notices.insertOne(new Document("_id", "n2").append("status", "SENT").append("owner", "ann"));
        handedFilters.clear();
    }

    private void record(de.bwaldvogel.mongo.bson.Document command) {
        String name = command.keySet().iterator().next();
        switch (name) {
            case "findAndModify" -> handedFilters.add(command.get("query"));
            case "update" -> ((List<?>) command.get("updates"))
                    .forEach(u -> handedFilters.add(((de.bwaldvogel.mongo.bson.Document) u).get("q")));
            case "delete" -> ((List<?>) command.get("deletes"))
                    .forEach(d -> handedFilters.add(((de.bwaldvogel.mongo.bson.Document) d).get("q")));
            default -> {
            }
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static de.bwaldvogel.mongo.bson.Document id(Object id) {
        return new de.bwaldvogel.mongo.bson.Document("_id", id);
    }

    @Test
    void aMatchingConditionalTakeIsHandedToTheServerByIdAlone() {
        Document taken = notices.findOneAndUpdate(and(eq("_id", "n1"), eq("status", "DRAFT")),
                Updates.set("status", "SENDING"));
        assertThat(taken.getString("status")).isEqualTo("DRAFT");
        assertThat(notices.find(eq("_id", "n1")).first().getString("status")).isEqualTo("SENDING");
        assertThat(handedFilters).containsExactly(id("n1"));
    }

    @Test
    void aConditionThatDoesNotHoldWritesNothingAndTouchesNoDocument() {
        assertThat(notices.findOneAndUpdate(and(eq("_id", "n2"), eq("status", "DRAFT")),
                Updates.set("status", "SENDING"))).isNull();
        assertThat(notices.updateOne(and(eq("_id", "n2"), eq("owner", "bob")), Updates.set("x", 1))
                .getModifiedCount()).isZero();
        assertThat(notices.deleteOne(and(eq("_id", "n2"), eq("owner", "bob"))).getDeletedCount()).isZero();
        assertThat(notices.findOneAndUpdate(and(eq("_id", "missing"), eq("status", "DRAFT")),
                Updates.set("status", "SENDING"))).isNull();
        assertThat(notices.find(eq("_id", "n2")).first().getString("status")).isEqualTo("SENT");
        assertThat(notices.countDocuments()).isEqualTo(52);
        assertThat(handedFilters).hasSize(4).allMatch(f -> f.equals(id(IdFirst.NO_DOCUMENT)));
    }

    @Test
    void deletesAndOperatorConditionsAreJudgedWholeOnTheOneDocument() {
        // a lease: held by me, or ended
        assertThat(notices.updateOne(and(eq("_id", "n1"), or(eq("owner", "bob"), lte("until", 5))),
                Updates.set("owner", "bob")).getModifiedCount()).as("neither holds").isZero();
        assertThat(notices.updateOne(and(eq("_id", "n1"), or(eq("owner", "ann"), lte("until", 5))),
                Updates.set("owner", "bob")).getModifiedCount()).isEqualTo(1);
        assertThat(notices.deleteOne(and(eq("_id", "n1"), eq("owner", "bob"))).getDeletedCount()).isEqualTo(1);
        assertThat(notices.find(eq("_id", "n1")).first()).isNull();
        assertThat(handedFilters).containsExactly(id(IdFirst.NO_DOCUMENT), id("n1"), id("n1"));
    }

    @Test
    void anUpsertThatDoesNotMatchKeepsItsFilterSoItInsertsOrRefusesTheDuplicateAsBefore() {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        assertThatThrownBy(() -> notices.updateOne(and(eq("_id", "n2"), eq("owner", "bob")), Updates.set("x", 1),
                upsert)).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        notices.updateOne(and(eq("_id", "new"), eq("owner", "bob")), Updates.set("x", 1), upsert);
        assertThat(notices.find(eq("_id", "new")).first()).containsEntry("owner", "bob").containsEntry("x", 1);
        notices.updateOne(and(eq("_id", "new"), eq("owner", "bob")), Updates.set("x", 2), upsert);
        assertThat(notices.find(eq("_id", "new")).first()).containsEntry("x", 2);
        assertThat(handedFilters.get(2)).as("matched: by id").isEqualTo(id("new"));
    }

    @Test
    void filtersWithoutAPlainIdAreLeftAsTheyAre() {
        notices.updateMany(eq("status", "SENT"), Updates.set("seen", true));
        notices.updateOne(eq("_id", "n1"), Updates.set("seen", true));
        notices.updateOne(and(com.mongodb.client.model.Filters.in("_id", List.of("n1", "n2")), eq("owner", "ann")),
                Updates.set("both", true));
        assertThat(notices.countDocuments(eq("seen", true))).isEqualTo(52);
        assertThat(handedFilters).hasSize(3).noneMatch(f -> f.equals(id(IdFirst.NO_DOCUMENT)));
    }
}
