package com.propty.notice.messaging;

import com.propty.events.Channel;
import com.propty.events.ContactOptedOut;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryResult;
import com.propty.events.Event;
import com.propty.events.ResendRequested;
import com.propty.events.Topics;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.messaging.Consumed;
import com.propty.kit.messaging.EventBatch;
import com.propty.kit.messaging.ProjectionErrorHandling;
import com.propty.kit.metrics.ConsumerMeters;
import com.propty.notice.recipient.RecipientProjection;
import com.propty.notice.resident.Residents;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of notice-service (bindings in application.yml): the delivery-states projection (results,
 * resend claims and deferrals, one binding over the three co-partitioned topics, so one consumer owns each
 * notice), the opt-outs consumer, and the error handling they share (service-kit's {@link ProjectionErrorHandling}:
 * poison records to {@code <topic>.notice-service.dlq}, anything else retried forever). The dispatch output is sent
 * through StreamBridge by {@code NoticeDispatch}.
 */
@Configuration
class Messaging {

    static final String SERVICE = "notice-service";

    @Bean
    Consumer<Message<List<byte[]>>> deliveryStates(RecipientProjection projection, JsonMapper json,
            BatchTracing tracing, ConsumerMeters meters) {
        List.of(Topics.DELIVERY_RESULTS, Topics.RESEND_REQUESTED, Topics.DELIVERY_DEFERRALS).forEach(meters::register);
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
                                && d.targets().stream().allMatch(t -> t.recipientId() != null && t.attempt() >= 1));
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

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer projectionErrorHandling(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${propty.notice.projection-retry-interval-ms:1000}") long retryIntervalMs, ConsumerMeters meters) {
        return new ProjectionErrorHandling(brokers, SERVICE, retryIntervalMs, meters::deadLettered);
    }
}
