package com.propty.delivery;

import com.propty.events.Topics;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the service's events ({@code delivery-results}, {@code delivery-deferrals}, {@code contact-opt-outs}) a
 * batch at a time: every record of a batch is handed to the producer at once (it packs them into a few requests),
 * then {@link #publish} waits until the broker acknowledged all of them. So a consumer or webhook call that returns
 * never loses an event to a kill -9 right after (its offset is committed only then), and a failure throws, which
 * makes the consumer take its chunk again or the provider retry its webhook — duplicates every consumer ignores.
 *
 * <p>Sent with a plain idempotent producer rather than through a Stream binding: a synchronous binding waits for each
 * record in turn, one broker round trip per result, which was the largest Kafka cost of a send.
 */
@Component
public class EventPublisher implements DisposableBean {

    /** One record: its key (which keeps a recipient's events in order) and the event, serialized as JSON. */
    public record Keyed(String key, Object event) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final JsonMapper json;
    private final Duration timeout;

    EventPublisher(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, JsonMapper json,
            @Value("${delivery.publish-timeout:PT30S}") Duration timeout,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor,
            ObjectProvider<ObservationRegistry> observations) {
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 131_072,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.kafka = new KafkaTemplate<>(producers);
        // each record carries the traceparent of the work that published it (README "Tracing and logs")
        this.kafka.setObservationEnabled(true);
        this.kafka.setObservationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        this.json = json;
        this.timeout = timeout;
        createTopics(brokers, replicationFactor);
    }

    public void publish(String topic, List<Keyed> records) {
        if (records.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (Keyed record : records) {
            sent.add(kafka.send(topic, record.key(), json.writeValueAsBytes(record.event())));
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

    /** As the binder does for its own bindings: the topics exist, as the catalogue sizes them, before the first event. */
    private static void createTopics(String brokers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            for (String topic : List.of(Topics.DELIVERY_RESULTS, Topics.DELIVERY_DEFERRALS, Topics.CONTACT_OPT_OUTS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Optional.of(Topics.PARTITIONS.get(topic)), Optional.of(replicationFactor))))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics", e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
