package com.propty.localkafka;

import java.nio.file.Path;

/**
 * Runs the local platform's Kafka: a single broker, or one node of a cluster (the launcher starts one such process
 * per node). Environment:
 * <ul>
 * <li>{@code KAFKA_PORT} (9092): the clients' port;</li>
 * <li>{@code KAFKA_DATA_DIR} ({@code .local-data/kafka}): the node's logs and metadata (one directory per node);</li>
 * <li>{@code KAFKA_PARTITIONS} (12): partitions of an auto-created topic;</li>
 * <li>{@code KAFKA_NODE_ID}, {@code KAFKA_CONTROLLER_PORT}, {@code KAFKA_QUORUM_VOTERS} (none): when all three are
 * set, the process is node {@code KAFKA_NODE_ID} of a cluster, its controller on {@code KAFKA_CONTROLLER_PORT},
 * one of the voters {@code KAFKA_QUORUM_VOTERS} ({@code 1@localhost:9192,2@localhost:9193,3@localhost:9194}:
 * every node, each broker and controller, the same list on each). With three nodes topics are created with three
 * replicas and {@code min.insync.replicas=2} (see {@link KafkaBroker#startNode}). Without them: the single broker,
 * its controller on a free port.</li>
 * </ul>
 * A cluster's nodes are best stopped together (SIGTERM to each, then wait): the last one left alone has no quorum to
 * approve its controlled shutdown and exits only after its timeouts (about 15 s).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
        int port = Integer.parseInt(env("KAFKA_PORT", "9092"));
        Path dataDir = Path.of(env("KAFKA_DATA_DIR", ".local-data/kafka"));
        int partitions = Integer.parseInt(env("KAFKA_PARTITIONS", "12"));
        String nodeId = env("KAFKA_NODE_ID", null);
        String controllerPort = env("KAFKA_CONTROLLER_PORT", null);
        String voters = env("KAFKA_QUORUM_VOTERS", null);
        KafkaBroker broker;
        if (nodeId == null && controllerPort == null && voters == null) {
            broker = KafkaBroker.start(port, dataDir, partitions);
        } else if (nodeId != null && controllerPort != null && voters != null) {
            broker = KafkaBroker.startNode(Integer.parseInt(nodeId), port, Integer.parseInt(controllerPort), voters,
                    dataDir, partitions);
        } else {
            throw new IllegalArgumentException(
                    "a cluster node needs all of KAFKA_NODE_ID, KAFKA_CONTROLLER_PORT and KAFKA_QUORUM_VOTERS");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println(nodeId == null ? "Kafka broker ready on " + broker.bootstrapServers()
                : "Kafka node " + nodeId + " ready on " + broker.bootstrapServers() + " (voters " + voters + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
