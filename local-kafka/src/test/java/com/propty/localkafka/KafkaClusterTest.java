package com.propty.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three real nodes: writes with acks=all and idempotence survive one node's loss, and the node rejoins. */
class KafkaClusterTest {

    private static final String TOPIC = "cluster-test";
    private static final int PARTITIONS = 12;
    private static final int HALF = 1_000;

    private static KafkaCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        // the production timeouts: a stopped node leaves the ISRs at once by its controlled shutdown, and a restarted
        // one rejoins them as soon as it has caught up, neither waiting for a session or lag timeout
        cluster = KafkaCluster.start(3, Files.createTempDirectory("kafka-cluster-test-"), PARTITIONS);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void acknowledgedWritesSurviveOneNodeDownAndTheNodeRejoinsEveryIsr() throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3))).all().get();
        // a node may not know the new topic yet: unknown until its metadata catches up
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> isrSizes().equals(Set.of(3)));
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(admin
                .describeConfigs(List.of(topic)).all().get().get(topic).get("min.insync.replicas").value())
                .isEqualTo("2"));

        try (KafkaProducer<String, String> producer = producer()) {
            sendAll(producer, 0, HALF);

            // the controllers' leader: its loss moves the quorum as well as a third of the partition leaders
            int leader = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
            int stopped = leader - 1;
            cluster.stop(stopped);
            assertThat(cluster.isRunning(stopped)).isFalse();

            // still acknowledged by all of the in-sync replicas: two of three, min.insync.replicas
            sendAll(producer, HALF, 2 * HALF);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> describe().values().stream()
                    .flatMap(description -> description.partitions().stream())
                    .allMatch(partition -> partition.isr().size() == 2
                            && partition.isr().stream().noneMatch(node -> node.id() == leader)));

            List<String> read = readAll(2 * HALF);
            List<String> expected = IntStream.range(0, 2 * HALF).mapToObj(KafkaClusterTest::value).toList();
            assertThat(read).hasSize(2 * HALF).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(endOffsetSum()).as("no duplicate in the log").isEqualTo(2L * HALF);

            cluster.restart(stopped);
            await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> isrSizes().equals(Set.of(3)));
            assertThat(describe().get(TOPIC).partitions()).allSatisfy(partition -> assertThat(
                    partition.isr().stream().map(Node::id)).contains(leader));
        }
    }

    @Test
    void aTopicCreatedWithoutSettingsGetsTheClustersPartitionsAndThreeReplicas() throws Exception {
        admin.createTopics(List.of(new NewTopic("cluster-defaults", Optional.empty(), Optional.empty()))).all().get();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(admin
                .describeTopics(List.of("cluster-defaults")).allTopicNames().get().get("cluster-defaults").partitions())
                .hasSize(PARTITIONS).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3)));
    }

    private static void sendAll(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = from; i < to; i++) {
            sent.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, value(i))));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }
    }

    private static String value(int i) {
        return "record-" + i;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(int expected) {
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
                return read.size() >= expected;
            });
        }
        return read;
    }

    private static long endOffsetSum() throws Exception {
        var specs = IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toMap(
                p -> new TopicPartition(TOPIC, p), p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
        return admin.listOffsets(specs).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private static Map<String, TopicDescription> describe() throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get();
    }

    private static Set<Integer> isrSizes() throws Exception {
        return describe().get(TOPIC).partitions().stream().map(TopicPartitionInfo::isr).map(Collection::size)
                .collect(Collectors.toSet());
    }
}
