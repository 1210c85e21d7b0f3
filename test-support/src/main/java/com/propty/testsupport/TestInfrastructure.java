package com.propty.testsupport;

import com.propty.localkafka.KafkaBroker;
import com.propty.localmongo.MongoWireServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one way tests start embedded infrastructure: a real Kafka broker (KRaft, random port) and a
 * MongoDB-wire server (in memory, random port), started once per test JVM and shared by every
 * Spring context in it. Each call to {@link #register} gives the context its own database.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry);
 * }
 * </pre>
 */
public final class TestInfrastructure {

    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static KafkaProducer<String, String> producer;

    private TestInfrastructure() {
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("test-kafka-");
                // auto-created topics as the catalogue sizes them (events' Topics.PARTITION_COUNT; events tests depend on us)
                kafka = KafkaBroker.start(0, dir, 12);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = MongoWireServer.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo;
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

    /** Points a Spring context at the shared broker and at a fresh database of the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> mongo().connectionString() + "/" + database);
        registry.add("spring.mongodb.database", () -> database);
    }
}
