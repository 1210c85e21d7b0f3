package com.propty.localmongo;

import java.nio.file.Path;

/** Runs the local platform's MongoDB-wire server: {@code MONGO_PORT} (27017), data in {@code MONGO_DATA_FILE}. */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Without a configuration Logback logs at DEBUG, and the server logs every wire message with whole documents.
        System.setProperty("logback.configurationFile", "local-mongo-logback.xml");
        int port = Integer.parseInt(env("MONGO_PORT", "27017"));
        Path file = Path.of(env("MONGO_DATA_FILE", ".local-data/mongo/data.mv"));
        MongoWireServer server = MongoWireServer.persistent(port, file);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongo-shutdown"));
        System.out.println("MongoDB-wire server ready on " + server.connectionString());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
