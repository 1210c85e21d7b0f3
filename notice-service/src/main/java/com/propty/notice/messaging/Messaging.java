package com.propty.notice.messaging;

import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryResult;
import com.propty.events.ResendRequested;
import com.propty.notice.recipient.RecipientProjection;
import com.propty.notice.resident.Residents;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of notice-service (bindings in application.yml): the batch projections (results, resends,
 * deferrals), the opt-outs consumer, and the error handling they share. A record that cannot be read (poison)
 * goes to the binding's dead-letter topic at once; any other failure (the store is down) retries the batch forever with a back-off,
 * because skipping it would lose delivery states. The dispatch output is sent through StreamBridge
 * by {@code NoticeDispatch}.
 */
@Configuration
class Messaging {

    private static final Logger log = LoggerFactory.getLogger(Messaging.class);
    static final String DLQ_SUFFIX = ".notice-service.dlq";

    @Bean
    Consumer<List<byte[]>> deliveryResults(RecipientProjection projection, JsonMapper json) {
        return batch -> projection.applyResults(parse(batch, json, DeliveryResult.class,
                r -> r.noticeId() != null && r.recipientId() != null && r.channel() != null && r.status() != null
                        && r.attempt() >= 1,
                projection::applyResults));
    }

    @Bean
    Consumer<List<byte[]>> resendRequested(RecipientProjection projection, JsonMapper json) {
        return batch -> projection.applyResends(parse(batch, json, ResendRequested.class,
                r -> r.noticeId() != null && r.resendId() != null && r.targets() != null
                        && r.targets().stream().allMatch(t -> t.recipientId() != null && t.channel() != null
                                && t.attempt() >= 1),
                projection::applyResends));
    }

    @Bean
    Consumer<List<byte[]>> deliveryDeferrals(RecipientProjection projection, JsonMapper json) {
        return batch -> projection.applyDeferrals(parse(batch, json, DeliveryDeferred.class,
                d -> d.noticeId() != null && d.channel() != null && d.targets() != null
                        && d.targets().stream().allMatch(t -> t.recipientId() != null && t.attempt() >= 1),
                projection::applyDeferrals));
    }

    /**
     * A resident who unsubscribed or reported spam at the provider is opted out of that channel. Adding to a set
     * is idempotent, so a redelivered batch changes nothing; delivery states are left alone on purpose.
     */
    @Bean
    Consumer<List<byte[]>> contactOptOuts(Residents residents, JsonMapper json) {
        Consumer<List<ContactOptedOut>> apply = optOuts -> residents.optOut(optOuts.stream()
                .map(o -> (Map.Entry<String, Channel>) new AbstractMap.SimpleEntry<>(o.recipientId(), o.channel()))
                .toList());
        return batch -> apply.accept(parse(batch, json, ContactOptedOut.class,
                o -> o.recipientId() != null && o.channel() != null, apply));
    }

    /**
     * Reads a batch. At the first poison record, applies what precedes it and throws, naming its
     * index: the error handler commits the records before it, dead-letters it and redelivers the rest.
     */
    static <T> List<T> parse(List<byte[]> batch, JsonMapper json, Class<T> type, Predicate<T> valid,
            Consumer<List<T>> applyBefore) {
        List<T> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            T event = null;
            Exception cause = null;
            try {
                event = json.readValue(batch.get(i), type);
            } catch (RuntimeException e) {
                cause = e;
            }
            if (event == null || !valid.test(event)) {
                applyBefore.accept(events);
                throw new BatchListenerFailedException("Unreadable " + type.getSimpleName() + " at index " + i,
                        new PoisonEvent(cause), i);
            }
            events.add(event);
        }
        return events;
    }

    /** A record that will never be readable: retrying it is pointless. */
    static class PoisonEvent extends RuntimeException {
        PoisonEvent(Throwable cause) {
            super("Poison event", cause);
        }
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer projectionErrorHandling(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${propty.notice.projection-retry-interval-ms:1000}") long retryIntervalMs) {
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, java.util.function.BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq,
                    BackOff backOff) {
                configure(container, destinationName, group, dlq, backOff, null);
            }

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group, java.util.function.BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlq,
                    BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
                DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                        (record, e) -> {
                            log.warn("Dead-lettering unreadable record {}-{}@{}", record.topic(), record.partition(),
                                    record.offset());
                            return new TopicPartition(record.topic() + DLQ_SUFFIX, -1);
                        });
                DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                        new FixedBackOff(retryIntervalMs, FixedBackOff.UNLIMITED_ATTEMPTS));
                handler.addNotRetryableExceptions(PoisonEvent.class);
                container.setCommonErrorHandler(handler);
            }
        };
    }
}
