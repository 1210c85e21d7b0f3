package com.propty.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;

/**
 * Conditional writes named by {@code _id} cost one key lookup on the embedded store, as on real MongoDB. The server
 * uses its {@code _id} index only for a filter that is {@code _id} alone: {@code {_id: X, status: "DRAFT"}} (taking a
 * notice, renewing a lease, releasing an idempotency key) scanned the whole collection, so such writes grew with every
 * document ever stored.
 *
 * <p>Run under the database's exclusive lock ({@link ConsistentBackend}), so nothing changes between the check and the
 * write: for a findAndModify, update or delete whose filter has a plain {@code _id} and more, it reads that one
 * document by {@code _id}, tests the whole filter on it with the server's own matcher, and hands the server
 * {@code {_id: X}} when it matches, or a filter on an {@code _id} that is never stored when it does not (the write
 * then finds nothing, as it would have). An upsert that does not match keeps its filter: the server then inserts, or
 * refuses the duplicate {@code _id}, exactly as before.
 */
final class IdFirst {

    /** An {@code _id} no document has: the filter of a write whose conditions did not match. */
    static final String NO_DOCUMENT = "\u0000no document";

    private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

    private IdFirst() {
    }

    static void narrow(MongoBackend backend, Channel channel, String database, Document command) {
        if (command.isEmpty()) {
            return;
        }
        String name = command.keySet().iterator().next();
        if (!(command.get(name) instanceof String collection)) {
            return;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "findandmodify" -> {
                Document narrowed = narrowed(backend, channel, database, collection, command.get("query"),
                        Boolean.TRUE.equals(command.get("upsert")));
                if (narrowed != null) {
                    command.put("query", narrowed);
                }
            }
            case "update" -> each(command.get("updates"), statement -> {
                Document narrowed = narrowed(backend, channel, database, collection, statement.get("q"),
                        Boolean.TRUE.equals(statement.get("upsert")));
                if (narrowed != null) {
                    statement.put("q", narrowed);
                }
            });
            case "delete" -> each(command.get("deletes"), statement -> {
                Document narrowed = narrowed(backend, channel, database, collection, statement.get("q"), false);
                if (narrowed != null) {
                    statement.put("q", narrowed);
                }
            });
            default -> {
            }
        }
    }

    private static void each(Object statements, java.util.function.Consumer<Document> narrow) {
        if (statements instanceof List<?> list) {
            for (Object statement : list) {
                if (statement instanceof Document document) {
                    narrow.accept(document);
                }
            }
        }
    }

    /** The filter to hand the server instead, or null to keep this one. */
    static Document narrowed(MongoBackend backend, Channel channel, String database, String collection, Object filter,
            boolean upsert) {
        if (!(filter instanceof Document query)) {
            return null;
        }
        Object id = conjunctId(query);
        if (id == null || query.size() == 1 && query.containsKey("_id")) {
            return null; // no plain _id to narrow to, or already by _id alone
        }
        Document stored = byId(backend, channel, database, collection, id);
        boolean matches;
        try {
            matches = stored != null && MATCHER.matches(stored, query);
        } catch (RuntimeException e) {
            return null; // a filter the matcher cannot judge alone: keep it
        }
        if (matches) {
            return new Document("_id", id);
        }
        return upsert ? null : new Document("_id", NO_DOCUMENT);
    }

    /**
     * The plain {@code _id} every match must have: a top-level {@code _id: X}, or one in a top-level {@code $and}
     * (drivers write {@code and(eq("_id", x), …)} that way); null for an operator ({@code $in}) or none.
     */
    static Object conjunctId(Document query) {
        Object id = query.get("_id");
        if (plain(id)) {
            return id;
        }
        if (!query.containsKey("_id") && query.get("$and") instanceof List<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part && plain(part.get("_id"))) {
                    return part.get("_id");
                }
            }
        }
        return null;
    }

    private static boolean plain(Object id) {
        return id instanceof String || id instanceof Number || id instanceof ObjectId;
    }

    private static Document byId(MongoBackend backend, Channel channel, String database, String collection,
            Object id) {
        Document find = new Document("find", collection).append("filter", new Document("_id", id))
                .append("limit", 1).append("singleBatch", true);
        Document reply = backend.handleCommand(channel, database, "find", find);
        if (reply == null || !(reply.get("cursor") instanceof Document cursor)
                || !(cursor.get("firstBatch") instanceof List<?> batch) || batch.isEmpty()) {
            return null;
        }
        return (Document) batch.get(0);
    }
}
