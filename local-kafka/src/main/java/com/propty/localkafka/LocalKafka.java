package com.propty.localkafka;

/** A running local Kafka, one broker or a cluster: what clients need to reach it. */
public interface LocalKafka extends AutoCloseable {

    /** {@code host:port} of every broker, comma-separated, as clients' {@code bootstrap.servers} takes it. */
    String bootstrapServers();

    @Override
    void close();
}
