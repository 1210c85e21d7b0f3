package com.propty.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one way tests read and write topics as raw JSON strings: client settings for any broker, a one-off read until
 * enough records match, and a reader that follows topics in the background for a whole test class.
 */
public final class TopicReader implements AutoCloseable {

    private final ConcurrentLinkedQueue<ConsumerRecord<String, String>> records = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean reading = true;

    private TopicReader(String bootstrapServers, List<String> topics) throws InterruptedException {
        Properties props = consumerProperties(bootstrapServers);
        // topics created after the subscription (a dead-letter topic) are found within a second
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        CountDownLatch subscribed = new CountDownLatch(1);
        thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(topics);
                subscribed.countDown();
                while (reading) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }, "test-topic-reader");
        thread.setDaemon(true);
        thread.start();
        subscribed.await();
    }

    /** Follows these topics of the broker from their beginning until {@link #close}. */
    public static TopicReader follow(String bootstrapServers, String... topics) throws InterruptedException {
        return new TopicReader(bootstrapServers, List.of(topics));
    }

    /** Every record read so far, in the order read. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        reading = false;
    }

    /** Reads a topic from the beginning until {@code expected} records match, or the timeout passes. */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    /** A consumer of String keys and values in a group of its own, from the earliest offset. */
    public static Properties consumerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /** A producer of String keys and values. */
    public static Properties producerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /** A producer to the broker with {@link #producerProperties}; the caller closes it. */
    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(producerProperties(bootstrapServers));
    }
}
