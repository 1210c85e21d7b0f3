package com.propty.notice.messaging;

import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import com.propty.events.DeliveryResult;
import com.propty.events.Event;
import com.propty.events.ResendRequested;
import com.propty.events.Topics;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.messaging.ConsumerRetries;
import com.propty.kit.messaging.Consumed;
import com.propty.kit.messaging.EventBatch;
import com.propty.kit.messaging.ProjectionErrorHandling;
import com.propty.kit.metrics.ConsumerMeters;
import com.propty.notice.recipient.RecipientProjection;
import com.propty.notice.resident.Residents;
import com.propty.notice.stream.LiveUpdateListener;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of notice-service (bindings in application.yml): the delivery-states projection (results,
 * resend claims, deferrals and holds, one binding over the four co-partitioned topics, so one consumer owns each
 * notice), the opt-outs consumer, and the error handling they share (service-kit's {@link ProjectionErrorHandling}:
 * poison records to {@code <topic>.notice-service.dlq}, anything else retried forever); and the live-update hints
 * every instance reads for its open streams. The dispatch and hint outputs are sent through StreamBridge by
 * {@code NoticeDispatch} and {@code LiveUpdates}.
 */
@Configuration
class Messaging {

    static final String SERVICE = "notice-service";
    private static final Logger log = LoggerFactory.getLogger(Messaging.class);

    @Bean
    Consumer<Message<List<byte[]>>> deliveryStates(RecipientProjection projection, JsonMapper json,
            BatchTracing tracing, ConsumerMeters meters) {
        List.of(Topics.DELIVERY_RESULTS, Topics.RESEND_REQUESTED, Topics.DELIVERY_DEFERRALS, Topics.DELIVERY_HOLDS)
                .forEach(meters::register);
        EventBatch events = new EventBatch(json, tracing)
                .topic(Topics.DELIVERY_RESULTS, DeliveryResult.class,
                        r -> r.noticeId() != null && r.recipientId() != null && r.channel() != null
                                && r.status() != null && r.attempt() >= 1)
                .topic(Topics.RESEND_REQUESTED, ResendRequested.class,
                        r -> r.noticeId() != null && r.resendId() != null && r.targets() != null
                                && r.targets().stream().allMatch(t -> t.recipientId() != null && t.channel() != null
                                        && t.attempt() >= 1))
                .topic(Topics.DELIVERY_DEFERRALS, DeliveryDeferred.class,
                        d -> d.noticeId() != null && d.channel() != null && d.targets() != null
                                && d.targets().stream().allMatch(t -> t.recipientId() != null && t.attempt() >= 1))
                .topic(Topics.DELIVERY_HOLDS, DeliveryHeld.class,
                        h -> h.noticeId() != null && h.channel() != null && h.until() != null && h.targets() != null
                                && h.targets().stream().allMatch(t -> t.recipientId() != null && t.attempt() >= 1));
        Consumer<List<Consumed<Object>>> apply = read -> {
            projection.apply(read);
            read.forEach(c -> meters.applied(c.topic(), ((Event) c.event()).occurredAt()));
        };
        return batch -> events.consume(batch, apply);
    }

    /**
     * A resident who unsubscribed or reported spam at the provider is opted out of that channel. Adding to a set
     * is idempotent, so a redelivered batch changes nothing; delivery states are left alone on purpose.
     */
    @Bean
    Consumer<Message<List<byte[]>>> contactOptOuts(Residents residents, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        meters.register(Topics.CONTACT_OPT_OUTS);
        EventBatch events = new EventBatch(json, tracing).topic(Topics.CONTACT_OPT_OUTS, ContactOptedOut.class,
                o -> o.recipientId() != null && o.channel() != null);
        Consumer<List<Consumed<Object>>> apply = optOuts -> {
            residents.optOut(optOuts.stream()
                    .map(c -> (ContactOptedOut) c.event())
                    .map(o -> (Map.Entry<String, Channel>) new AbstractMap.SimpleEntry<>(o.recipientId(), o.channel()))
                    .toList());
            optOuts.forEach(c -> meters.applied(c.topic(), ((Event) c.event()).occurredAt()));
        };
        return batch -> events.consume(batch, apply);
    }

    /**
     * The live-update hints of every instance (README "Live updates with N instances"): this binding has no group, so
     * each instance reads the whole topic in its own anonymous group, from the latest offset. The listener skips what
     * it cannot read or push; nothing here throws.
     */
    @Bean
    Consumer<Message<List<byte[]>>> liveUpdateHints(LiveUpdateListener listener, ConsumerMeters meters) {
        meters.register(Topics.NOTICE_CHANGES);
        return batch -> {
            List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
            List<?> offsets = batch.getHeaders().get(KafkaHeaders.OFFSET, List.class);
            IntFunction<String> position = i -> Topics.NOTICE_CHANGES + "-"
                    + (partitions == null ? "?" : partitions.get(i)) + "@" + (offsets == null ? "?" : offsets.get(i));
            meters.applied(Topics.NOTICE_CHANGES, listener.accept(batch.getPayload(), position));
        };
    }

    /**
     * When the hint consumer gets its partitions, their positions are resolved at once (the latest offset, read now
     * rather than at the first fetch) before the listener counts as listening, so a hint published after that is
     * never skipped. Applies to every binding of the service; the others are left alone.
     */
    @Bean
    KafkaBindingRebalanceListener liveUpdatesAssignment(LiveUpdateListener listener) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(String bindingName,
                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
                    boolean initial) {
                List<TopicPartition> hints = partitions.stream()
                        .filter(p -> Topics.NOTICE_CHANGES.equals(p.topic())).toList();
                if (hints.isEmpty()) {
                    return;
                }
                try {
                    hints.forEach(consumer::position);
                } catch (RuntimeException e) {
                    // The positions are then resolved at the first fetch, a moment later: still listening.
                    log.warn("Could not resolve the positions of {} now: {}", Topics.NOTICE_CHANGES, e.toString());
                }
                listener.listening();
            }
        };
    }

    /**
     * The projections' error handling for every binding but the live-update hints: those are never dead-lettered nor
     * retried (a hint stream; a record the listener let through failing is logged by position and skipped).
     */
    @Bean
    ListenerContainerWithDlqAndRetryCustomizer projectionErrorHandling(ConsumerRetries retries, ConsumerMeters meters) {
        ProjectionErrorHandling projections = retries.projections(SERVICE, meters::deadLettered);
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
                if (Topics.NOTICE_CHANGES.equals(destinationName)) {
                    container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0L, 0L)));
                } else {
                    projections.configure(container, destinationName, group, dlq, backOff, properties);
                }
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return !Topics.NOTICE_CHANGES.equals(destinationName)
                        && projections.retryAndDlqInBinding(destinationName, group);
            }
        };
    }
}
