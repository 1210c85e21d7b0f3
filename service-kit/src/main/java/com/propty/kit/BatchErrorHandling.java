package com.propty.kit;

import java.util.Map;
import java.util.function.BiFunction;
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

/**
 * The error handling of a batch consumer: a record that can never be read — the consumer throws a
 * {@code BatchListenerFailedException} naming its index, caused by a {@link PoisonRecord} — goes at once to
 * {@code <topic><dlqSuffix>} with Spring Kafka's {@code kafka_dlt-*} headers (the records before it are committed, the
 * rest redelivered); any other failure retries the batch with {@code retry}, which for work that must not be skipped
 * never gives up.
 */
public final class BatchErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(BatchErrorHandling.class);

    /** A record that will never be readable: retrying it is pointless. */
    public static class PoisonRecord extends RuntimeException {
        public PoisonRecord(Throwable cause) {
            super("Poison record", cause);
        }
    }

    private BatchErrorHandling() {
    }

    public static ListenerContainerWithDlqAndRetryCustomizer customizer(String brokers, String dlqSuffix,
            BackOff retry) {
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq, BackOff backOff) {
                configure(container, destinationName, group, dlq, backOff, null);
            }

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq, BackOff backOff,
                    ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
                DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                        (record, e) -> {
                            log.warn("Dead-lettering unreadable record {}-{}@{}", record.topic(), record.partition(),
                                    record.offset());
                            return new TopicPartition(record.topic() + dlqSuffix, -1);
                        });
                DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry);
                handler.addNotRetryableExceptions(PoisonRecord.class);
                container.setCommonErrorHandler(handler);
            }
        };
    }
}
