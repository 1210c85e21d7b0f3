package com.propty.kit.messaging;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handling of a projection's consumers: a {@link PoisonEvent} goes to {@code <topic>.<service>.dlq} at
 * once; any other failure (the store is down) retries the batch forever at a fixed interval, because skipping it
 * would lose states (Spring Kafka's default gives up after ten tries and skips the batch).
 */
public final class ProjectionErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ProjectionErrorHandling.class);

    private final KafkaTemplate<String, byte[]> deadLetters;
    private final String dlqSuffix;
    private final BackOff retry;
    private final Consumer<String> deadLettered;

    /** Retries at a fixed interval, forever. */
    public ProjectionErrorHandling(String brokers, String service, long retryIntervalMs,
            Consumer<String> deadLettered) {
        this(brokers, service, new FixedBackOff(retryIntervalMs, FixedBackOff.UNLIMITED_ATTEMPTS), deadLettered);
    }

    /**
     * {@code retry} must never give up (an unbounded back-off); {@code deadLettered} hears the source topic of every
     * record sent to a dead-letter topic (a meter).
     */
    public ProjectionErrorHandling(String brokers, String service, BackOff retry, Consumer<String> deadLettered) {
        this.deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        this.dlqSuffix = deadLetterSuffix(service);
        this.retry = retry;
        this.deadLettered = deadLettered;
    }

    /** The one naming of dead-letter topics: {@code <topic>.<service>.dlq}. */
    public static String deadLetterSuffix(String service) {
        return "." + service + ".dlq";
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq, BackOff backOff) {
        configure(container, destinationName, group, dlq, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, e) -> {
            log.warn("Dead-lettering unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
            deadLettered.accept(record.topic());
            return new TopicPartition(record.topic() + dlqSuffix, -1);
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry);
        handler.addNotRetryableExceptions(PoisonEvent.class);
        container.setCommonErrorHandler(handler);
    }
}
