package com.propty.system.fault;

import static org.awaitility.Awaitility.await;

import com.propty.testsupport.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** Raw access to {@code delivery-results}: what was published for a notice, replaying it, and waiting for the projections to catch up. */
final class ResultsTopic {

    static final String TOPIC = "delivery-results";
    static final List<String> PROJECTIONS = List.of("notice-service", "history-service", "resend-service");

    private final String bootstrap;

    ResultsTopic(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record of the notice (results are keyed by notice id), from the beginning of the topic. */
    List<ConsumerRecord<String, String>> recordsOf(String noticeId) {
        Properties props = TopicReader.consumerProperties(bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (noticeId.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** Publishes every record {@code times} times, in a shuffled order, with the same keys. */
    void replay(List<ConsumerRecord<String, String>> records, int times, long seed) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(records);
        }
        Collections.shuffle(all, new Random(seed));
        try (KafkaProducer<String, String> producer = TopicReader.producer(bootstrap)) {
            for (ConsumerRecord<String, String> record : all) {
                // same key, same partition: the shuffle reorders each recipient's results, which the merge rule must absorb
                ProducerRecord<String, String> copy = new ProducerRecord<>(TOPIC, record.key(), record.value());
                record.headers().forEach(h -> copy.headers().add(h));
                producer.send(copy);
            }
            producer.flush();
        }
    }

    /** Waits until every projection consumed everything on {@code delivery-results}. */
    void awaitProjectionsCaughtUp(Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp(admin));
        }
    }

    private static boolean caughtUp(Admin admin) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        var end = admin.listOffsets(latest).all().get();
        for (String group : PROJECTIONS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            for (TopicPartition p : partitions) {
                OffsetAndMetadata offset = committed.get(p);
                if (end.get(p).offset() > 0 && (offset == null || offset.offset() < end.get(p).offset())) {
                    return false;
                }
            }
        }
        return true;
    }
}
