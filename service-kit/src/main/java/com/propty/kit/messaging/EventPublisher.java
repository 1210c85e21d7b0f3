package com.propty.kit.messaging;

import com.propty.events.Topics;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the services publish events: keyed records, a batch at a time, acknowledged. Every record of a batch is
 * handed to the producer at once (it packs them into a few requests), then {@link #publish} waits until the broker
 * acknowledged all of them ({@code acks=all}, idempotent producer). So whoever returns after {@code publish} — a
 * consumer committing its offset, a webhook answering 200, a dispatch recorded as done, an audit entry marked
 * published, a resend accepted — never loses an event to a kill -9 right after, and a failure throws, which makes the
 * caller take its work again: duplicates every consumer ignores.
 *
 * <p>A plain producer rather than Stream output bindings: a synchronous binding waits for each record in turn, one
 * broker round trip per record, which was the largest Kafka cost of a send. Each record carries the {@code traceparent}
 * of the work that published it (observation on, README "Tracing and logs") and {@code contentType: application/json}
 * as a binding's record would. A topic is created, as the catalogue ({@link Topics#PARTITIONS}) sizes it, before the
 * first record this process publishes to it, so the broker never creates it with its own default count.
 */
public class EventPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    /** One record: its key (which keeps a notice's events in order) and the event, as JSON bytes or as an object. */
    public record Keyed(String key, Object event) {
    }

    private static final byte[] JSON = "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final JsonMapper json;
    private final Duration timeout;
    private final String brokers;
    private final short replicationFactor;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public EventPublisher(String brokers, JsonMapper json, Duration timeout, short replicationFactor,
            ObservationRegistry observations) {
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.kafka = new KafkaTemplate<>(producers);
        this.kafka.setObservationEnabled(true);
        this.kafka.setObservationRegistry(observations);
        this.json = json;
        this.timeout = timeout;
        this.brokers = brokers;
        this.replicationFactor = replicationFactor;
    }

    /** Publishes every record and returns once the broker has all of them; throws if it does not within the timeout. */
    public void publish(String topic, List<Keyed> records) {
        if (records.isEmpty()) {
            return;
        }
        createIfMissing(topic);
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (Keyed record : records) {
            ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, record.key(), bytes(record.event()));
            message.headers().add("contentType", JSON);
            sent.add(kafka.send(message));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + records.size() + " events to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + topic, e);
        }
    }

    public void publish(String topic, String key, Object event) {
        publish(topic, List.of(new Keyed(key, event)));
    }

    private byte[] bytes(Object event) {
        return event instanceof byte[] raw ? raw : json.writeValueAsBytes(event);
    }

    /**
     * As the binder does for its bindings: the topic exists, as the catalogue sizes it, before the first record — and
     * every partition is open for writes on its leader. Producing the moment {@code createTopics} returns lets a first
     * request fail NOT_LEADER_OR_FOLLOWER while a later one is appended; the idempotent producer then retries the first
     * with OUT_OF_ORDER_SEQUENCE_NUMBER until it times out and the records are lost (KAFKA-15591, fixed in brokers after
     * 4.1; seen here as a webhook answering 500 after 30 s). A leader in the metadata is not enough: the metadata can
     * name it before its replica manager has opened the partition, so the wait ends only when the leader answers for
     * the partition's producers, which it does once the partition is online.
     */
    private void createIfMissing(String topic) {
        if (created.contains(topic)) {
            return;
        }
        Integer partitions = Topics.PARTITIONS.get(topic);
        if (partitions == null) {
            throw new IllegalArgumentException("Topic " + topic + " is not in the catalogue (Topics.PARTITIONS)");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.of(replicationFactor))))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                }
            }
            awaitLeaders(admin, topic, partitions);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not describe topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topic " + topic, e);
        }
        created.add(topic);
    }

    /**
     * Until the brokers' metadata shows a leader for each of the topic's partitions, and each leader answers for the
     * partition's producers (bounded by the timeout).
     */
    private void awaitLeaders(Admin admin, String topic, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean led = false;
        while (true) {
            try {
                if (!led) {
                    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                    led = description.partitions().size() >= partitions && description.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                }
                if (led && partitionsOpen(admin, topic, partitions)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        && !(e.getCause() instanceof NotLeaderOrFollowerException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no leader open for every partition of " + topic);
            }
            Thread.sleep(20); // the metadata is applied within milliseconds of the creation
        }
    }

    /**
     * Whether every leader answers for its partition's producers. A broker that will not say (no DescribeProducers
     * permission for this service, or too old) is taken at its metadata's word: the probe is a safeguard, not a
     * condition to publish.
     */
    private boolean partitionsOpen(Admin admin, String topic, int partitions)
            throws InterruptedException, TimeoutException, ExecutionException {
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        try {
            admin.describeProducers(all).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException
                    || e.getCause() instanceof NotLeaderOrFollowerException) {
                throw e; // not open yet: the caller waits and asks again
            }
            log.debug("Cannot probe the partitions of {} ({}); going by the metadata", topic, e.getCause().toString());
            return true;
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
