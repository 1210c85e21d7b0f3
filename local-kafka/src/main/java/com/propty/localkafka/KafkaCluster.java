package com.propty.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Kafka cluster of N nodes in this JVM (each {@link KafkaBroker#startNode broker and controller}, node ids 1..N,
 * static quorum), on free ports chosen once: a node {@link #stop stopped} and {@link #restart restarted} keeps its
 * ports and data directory, so it rejoins the quorum and its replicas catch up.
 */
public final class KafkaCluster implements LocalKafka {

    private final int[] ports;
    private final int[] controllerPorts;
    private final String quorumVoters;
    private final Path dataDir;
    private final int partitions;
    private final Map<String, String> overrides;
    private final KafkaBroker[] nodes;

    private KafkaCluster(int size, Path dataDir, int partitions, Map<String, String> overrides) throws IOException {
        this.ports = new int[size];
        this.controllerPorts = new int[size];
        for (int i = 0; i < size; i++) {
            ports[i] = KafkaBroker.freePort();
            controllerPorts[i] = KafkaBroker.freePort();
        }
        this.quorumVoters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts[i])
                .collect(Collectors.joining(","));
        this.dataDir = dataDir;
        this.partitions = partitions;
        this.overrides = Map.copyOf(overrides);
        this.nodes = new KafkaBroker[size];
    }

    /** Starts {@code size} nodes keeping their data in {@code dataDir}/node-1, node-2, ... */
    public static KafkaCluster start(int size, Path dataDir, int partitions) {
        return start(size, dataDir, partitions, Map.of());
    }

    /** As {@link #start(int, Path, int)}, with {@code overrides} of every node's broker settings. */
    public static KafkaCluster start(int size, Path dataDir, int partitions, Map<String, String> overrides) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster has at least one node: " + size);
        }
        KafkaCluster cluster;
        try {
            cluster = new KafkaCluster(size, dataDir, partitions, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // together: a node's start-up waits for the quorum, which needs a majority of the nodes running
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            starts.add(CompletableFuture.runAsync(() -> cluster.startNode(index),
                    inThread("kafka-node-" + (index + 1) + "-start")));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            cluster.close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return cluster;
    }

    private void startNode(int index) {
        KafkaBroker node = KafkaBroker.startNode(index + 1, ports[index], controllerPorts[index], quorumVoters,
                dataDir.resolve("node-" + (index + 1)), partitions, overrides);
        synchronized (this) {
            nodes[index] = node;
        }
    }

    public int size() {
        return nodes.length;
    }

    /** The node id of the node at {@code index} (0-based): {@code index + 1}. */
    public int nodeId(int index) {
        return index + 1;
    }

    /** Every node's client address, running or not: clients find the running ones. */
    @Override
    public String bootstrapServers() {
        return IntStream.of(ports).mapToObj(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    /** The voters of the controller quorum, {@code 1@localhost:p1,2@localhost:p2,...}. */
    public String quorumVoters() {
        return quorumVoters;
    }

    public synchronized boolean isRunning(int index) {
        return nodes[index] != null;
    }

    /** Shuts the node at {@code index} down (controlled: its leaderships move to the others first). */
    public void stop(int index) {
        KafkaBroker node;
        synchronized (this) {
            node = nodes[index];
            nodes[index] = null;
        }
        if (node != null) {
            node.close();
        }
    }

    /** Starts the node at {@code index} again, on its ports and data directory; stops it first if it runs. */
    public void restart(int index) {
        stop(index);
        startNode(index);
    }

    /**
     * Stops every node: first all brokers together, while every controller still runs to approve their controlled
     * shutdowns (one node after the other, the last would wait for a quorum that is gone), then the controllers.
     */
    @Override
    public void close() {
        List<KafkaBroker> running = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < nodes.length; i++) {
                if (nodes[i] != null) {
                    running.add(nodes[i]);
                    nodes[i] = null;
                }
            }
        }
        onEach(running, KafkaBroker::shutdownBroker);
        // the controllers together too: the last one alone would wait for its quorum to resign its leadership
        onEach(running, KafkaBroker::close);
    }

    private static void onEach(List<KafkaBroker> nodes, Consumer<KafkaBroker> action) {
        CompletableFuture.allOf(nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node),
                        inThread("kafka-node-" + node.nodeId() + "-stop")))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static Executor inThread(String name) {
        return runnable -> new Thread(runnable, name).start();
    }
}
