package com.propty.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-protocol server (mongo-java-server) standing in for mongod where none can be
 * installed. The services only use what both it and real MongoDB support: single-document atomic
 * updates, unique indexes, upserts, bulk writes and simple aggregations; no transactions, TTL
 * indexes or change streams. Concurrent connections are made safe by {@link ConsistentBackend}.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoWireServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** In memory: for tests. */
    public static MongoWireServer inMemory() {
        MongoServer server = new MongoServer(new ConsistentBackend(new MemoryBackend()));
        server.bind("localhost", 0);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    /** Backed by an H2 file that survives restarts: for the local platform. */
    public static MongoWireServer persistent(int port, Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MongoBackend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer server = new MongoServer(new ConsistentBackend(backend));
        server.bind("localhost", port);
        return new MongoWireServer(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://localhost:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
