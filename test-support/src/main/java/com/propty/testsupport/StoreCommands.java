package com.propty.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The commands a MongoDB client sends while a test runs one piece of code on its own thread, each with the
 * collection and the filter it names. What a query costs on the embedded store is in its filter: it uses an index
 * only when the filter is {@code _id} alone (equality or {@code $in}), and reads the whole collection for anything
 * else; so a test can assert which collections a job touches and how, where timing would only be noise.
 */
public final class StoreCommands implements CommandListener {

    /** One filter of one command ({@code filter} empty for an insert, which names its documents). */
    public record Command(String name, String collection, BsonDocument filter) {

        /** Picks documents by {@code _id} (real MongoDB serves it from the {@code _id} index, whatever else it adds). */
        public boolean namesKey() {
            return name.equals("insert") || isKey(filter.get("_id"));
        }

        /** {@code _id} alone: a key lookup on the embedded store too (any other condition makes it scan). */
        public boolean keyOnly() {
            return namesKey() && (name.equals("insert") || filter.size() == 1);
        }

        private static boolean isKey(BsonValue id) {
            return id != null && (!id.isDocument() || id.asDocument().keySet().equals(Set.of("$in")));
        }
    }

    private final ThreadLocal<Boolean> recording = ThreadLocal.withInitial(() -> false);
    private final List<Command> commands = new CopyOnWriteArrayList<>();

    /** A client of {@code connectionString} whose commands this listener sees. */
    public MongoClient client(String connectionString) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString)).addCommandListener(this).build());
    }

    /** Runs {@code work} on this thread and answers the commands it sent (other threads' are not recorded). */
    public synchronized List<Command> during(Runnable work) {
        commands.clear();
        recording.set(true);
        try {
            work.run();
        } finally {
            recording.set(false);
        }
        return List.copyOf(commands);
    }

    /** Those of {@code recorded} on {@code collection}. */
    public static List<Command> on(String collection, List<Command> recorded) {
        return recorded.stream().filter(c -> collection.equals(c.collection())).toList();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (recording.get()) {
            // a copy: the event's document is a view of a buffer the driver reuses once this returns
            commands.addAll(filters(event.getCommandName(), BsonDocument.parse(event.getCommand().toJson())));
        }
    }

    private static List<Command> filters(String name, BsonDocument command) {
        List<Command> found = new ArrayList<>();
        BsonValue target = command.get(name);
        String collection = target != null && target.isString() ? target.asString().getValue() : null;
        switch (name) {
            case "find" -> found.add(new Command(name, collection, document(command, "filter")));
            case "findAndModify", "count", "distinct" ->
                    found.add(new Command(name, collection, document(command, "query")));
            case "update" -> command.getArray("updates").forEach(u -> found.add(
                    new Command(name, collection, document(u.asDocument(), "q"))));
            case "delete" -> command.getArray("deletes").forEach(d -> found.add(
                    new Command(name, collection, document(d.asDocument(), "q"))));
            case "insert" -> found.add(new Command(name, collection, new BsonDocument()));
            case "aggregate" -> found.add(new Command(name, collection, new BsonDocument())); // a scan, as far as we know
            default -> { } // handshakes, sessions, index creation
        }
        return found;
    }

    private static BsonDocument document(BsonDocument command, String key) {
        BsonValue value = command.get(key);
        return value != null && value.isDocument() ? value.asDocument() : new BsonDocument();
    }
}
