package com.propty.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka node (KRaft: broker and controller in one process), used by the local platform and by the
 * tests: either a single-node broker ({@link #start}) or one node of a cluster whose controllers form a static
 * quorum ({@link #startNode}). Its data survives a restart when given the same directory.
 */
public final class KafkaBroker implements LocalKafka {

    private static final String CLUSTER_ID = "cHJvcHR5LW5vdGljZXMx";
    private static final Duration CONTROLLED_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private final int nodeId;
    private final int port;
    private final KafkaRaftServer server;

    private KafkaBroker(int nodeId, int port, KafkaRaftServer server) {
        this.nodeId = nodeId;
        this.port = port;
        this.server = server;
    }

    /** Starts a single-node broker on {@code port} (0: a free one) keeping its logs in {@code dataDir}. */
    public static KafkaBroker start(int port, Path dataDir, int partitions) {
        try {
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = properties(1, brokerPort, controllerPort, "1@localhost:" + controllerPort, dataDir,
                    partitions);
            return launch(1, brokerPort, props, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts node {@code nodeId} of a cluster: clients on {@code port}, its controller on {@code controllerPort},
     * one of the {@code quorumVoters} ({@code 1@localhost:9192,2@localhost:9193,...}, every node of the cluster:
     * all are broker and controller). Topics get the replication of the cluster's size: with three nodes or more,
     * three replicas of which two must be in sync ({@code min.insync.replicas}), so a producer with
     * {@code acks=all} keeps writing while one node is down.
     */
    public static KafkaBroker startNode(int nodeId, int port, int controllerPort, String quorumVoters, Path dataDir,
            int partitions) {
        return startNode(nodeId, port, controllerPort, quorumVoters, dataDir, partitions, Map.of());
    }

    /** As {@link #startNode(int, int, int, String, Path, int)}, with {@code overrides} of the broker settings. */
    public static KafkaBroker startNode(int nodeId, int port, int controllerPort, String quorumVoters, Path dataDir,
            int partitions, Map<String, String> overrides) {
        try {
            Properties props = properties(nodeId, port, controllerPort, quorumVoters, dataDir, partitions);
            int replicas = Math.min(3, voterCount(quorumVoters));
            String replicationFactor = String.valueOf(replicas);
            // one replica may be down (a restart, a crash) and acks=all writes still succeed
            String minInSync = String.valueOf(Math.max(1, replicas - 1));
            props.put("default.replication.factor", replicationFactor);
            props.put("min.insync.replicas", minInSync);
            props.put("offsets.topic.replication.factor", replicationFactor);
            props.put("transaction.state.log.replication.factor", replicationFactor);
            props.put("transaction.state.log.min.isr", minInSync);
            props.put("share.coordinator.state.topic.replication.factor", replicationFactor);
            props.put("share.coordinator.state.topic.min.isr", minInSync);
            props.putAll(overrides);
            return launch(nodeId, port, props, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(int nodeId, int brokerPort, int controllerPort, String quorumVoters,
            Path dataDir, int partitions) {
        Path logs = dataDir.resolve("logs");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", quorumVoters);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logs.toString());
        props.put("metadata.log.dir", logs.toString());
        props.put("num.partitions", String.valueOf(partitions));
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("message.max.bytes", String.valueOf(1024 * 1024));
        props.put("log.retention.hours", "168");
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return props;
    }

    private static KafkaBroker launch(int nodeId, int brokerPort, Properties props, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "generated by KafkaBroker");
        }
        // A static quorum (controller.quorum.voters) is formatted with the cluster id alone: Kafka 4 refuses
        // --standalone and --initial-controllers with it, those being for a dynamic quorum. Every node of a
        // cluster formats with the same id; a directory formatted before is kept.
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            int status = kafka.tools.StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID,
                    "-c", config.toString(), "--ignore-formatted"}, quiet);
            if (status != 0) {
                throw new IllegalStateException("could not format Kafka storage in " + dataDir + " (" + status + ")");
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(nodeId, brokerPort, server);
    }

    static int voterCount(String quorumVoters) {
        return quorumVoters.split(",").length;
    }

    public int nodeId() {
        return nodeId;
    }

    public int port() {
        return port;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        shutdownBroker();
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * Stops the broker half of the node, its controller still running. The broker first asks the active controller
     * to move its leaderships away (controlled shutdown) and waits for the answer, in Kafka 4.1 up to five minutes:
     * the last node of a cluster, the other controllers gone, would never get one. Bounded here; the node's own
     * {@code shutdown} then finds its broker stopped. The broker is a private field of {@code KafkaRaftServer},
     * hence the reflection; without it (another Kafka), {@code shutdown} stops the broker as before.
     */
    void shutdownBroker() {
        try {
            Method broker = KafkaRaftServer.class.getDeclaredMethod("broker");
            broker.setAccessible(true);
            if (broker.invoke(server) instanceof scala.Option<?> option && option.isDefined()
                    && option.get() instanceof BrokerServer brokerServer) {
                brokerServer.shutdown(CONTROLLED_SHUTDOWN_TIMEOUT);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall back to KafkaRaftServer.shutdown's own broker shutdown
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
