package com.propty.testsupport;

import com.propty.localkafka.KafkaBroker;
import com.propty.localkafka.KafkaCluster;
import com.propty.localkafka.LocalKafka;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.propty.localmongo.MongoWireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one way tests start embedded infrastructure: a real Kafka broker (KRaft, random port) and a
 * MongoDB-wire server (in memory, random port), started once per test JVM and shared by every
 * Spring context in it. Each call to {@link #register} gives the context its own database.
 *
 * <p>Kafka is one broker unless the test JVM has {@code -Dpropty.test.kafka.nodes=3} (surefire passes a
 * {@code mvn -D} property on): then it is a cluster of that many nodes, topics of three replicas with
 * {@code min.insync.replicas=2}, and {@link #register} sets the binders' replication factor to match. A test that
 * stops and restarts nodes takes {@link #kafkaCluster()} (and {@link #registerOnCluster} for its context).
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry);
 * }
 * </pre>
 */
public final class TestInfrastructure {

    /** System property: the number of Kafka nodes of the test JVM's {@link #kafka()}, 1 unless set. */
    public static final String KAFKA_NODES = "propty.test.kafka.nodes";
    private static final int CLUSTER_NODES = 3;
    // auto-created topics as the catalogue sizes them (events' Topics.PARTITION_COUNT; events tests depend on us)
    private static final int PARTITIONS = 12;

    private static LocalKafka kafka;
    private static KafkaCluster cluster;
    private static MongoWireServer mongo;
    private static MongoClient mongoClient;
    private static KafkaProducer<String, String> producer;

    private TestInfrastructure() {
    }

    /** The test JVM's Kafka: the single broker, or {@link #kafkaCluster()} when {@value #KAFKA_NODES} asks for more. */
    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            if (clusterAsked()) {
                kafka = kafkaCluster();
            } else {
                kafka = KafkaBroker.start(0, tempDir("test-kafka-"), PARTITIONS);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            }
        }
        return kafka;
    }

    /**
     * A cluster of {@value #KAFKA_NODES} nodes (three unless it says more), started on first use and shared by the
     * JVM's tests: the same as {@link #kafka()} when the property asks for a cluster, else a second Kafka beside
     * the single broker. A test stopping a node restarts it before it ends, the next test expecting all of them.
     */
    public static synchronized KafkaCluster kafkaCluster() {
        if (cluster == null) {
            int nodes = Math.max(CLUSTER_NODES, Integer.getInteger(KAFKA_NODES, CLUSTER_NODES));
            cluster = KafkaCluster.start(nodes, tempDir("test-kafka-cluster-"), PARTITIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        }
        return cluster;
    }

    private static boolean clusterAsked() {
        return Integer.getInteger(KAFKA_NODES, 1) > 1;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = MongoWireServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo;
    }

    /**
     * One driver client of the shared store, for tests that use a store class without a Spring context (each test
     * names its own database); closed at exit. Needs {@code mongodb-driver-sync} on the test's class path.
     */
    public static synchronized MongoClient mongoClient() {
        if (mongoClient == null) {
            MongoClient client = MongoClients.create(mongo().connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close));
            mongoClient = client;
        }
        return mongoClient;
    }

    /** A producer of String keys and values to the shared broker, for tests that publish raw events; closed at exit. */
    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = TopicReader.producer(kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        return producer;
    }

    /** Publishes one record to the shared broker and waits until it is acknowledged. */
    public static void publish(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Points a Spring context at the shared Kafka ({@link #kafka()}) and at a fresh database of the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        register(registry, TestInfrastructure::kafka, clusterAsked());
    }

    /** As {@link #register}, on {@link #kafkaCluster()} whatever {@value #KAFKA_NODES} says. */
    public static void registerOnCluster(DynamicPropertyRegistry registry) {
        register(registry, TestInfrastructure::kafkaCluster, true);
    }

    // started when the context resolves the properties, not when the test class registers them
    private static void register(DynamicPropertyRegistry registry, Supplier<LocalKafka> kafka, boolean cluster) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.get().bootstrapServers());
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafka.get().bootstrapServers());
        if (cluster) {
            // topics the binders (and delivery-service) create get three replicas: with one, min.insync.replicas=2
            // would refuse every acks=all write
            registry.add("spring.cloud.stream.kafka.binder.replication-factor", () -> String.valueOf(CLUSTER_NODES));
        }
        registry.add("spring.mongodb.uri", () -> mongo().connectionString() + "/" + database);
        registry.add("spring.mongodb.database", () -> database);
    }
}
