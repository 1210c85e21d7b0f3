package com.propty.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling the pipeline is compared with: on the platform's own broker, one bare producer → consumer pass of as
 * many messages, of the size of a delivery result, as the pipeline made channel deliveries (acks=all, idempotent, as
 * the services publish; 12 partitions, as their topics: events' Topics.PARTITION_COUNT). No service, no store, no provider: what the broker and two
 * clients alone manage on this machine.
 */
final class Ceiling {

    record Pass(long messages, int bytes, double seconds) {
        double rate() {
            return messages / seconds;
        }
    }

    private Ceiling() {
    }

    static Pass measure(String bootstrap, long messages, int bytes) throws Exception {
        String topic = "benchmark-ceiling-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
        }
        byte[] payload = new byte[bytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            long started = System.nanoTime();
            Thread sending = new Thread(() -> {
                for (long i = 0; i < messages; i++) {
                    producer.send(new ProducerRecord<>(topic, "notice:recipient-" + i, payload));
                }
                producer.flush();
            }, "ceiling-producer");
            sending.start();
            long received = 0;
            long deadline = started + Duration.ofMinutes(10).toNanos();
            while (received < messages && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                received += records.count();
                consumer.commitAsync();
            }
            sending.join();
            return new Pass(received, bytes, (System.nanoTime() - started) / 1e9);
        }
    }
}
