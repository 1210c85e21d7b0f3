package com.propty.history.messaging;

import com.propty.events.AuditRecorded;
import com.propty.events.DeliveryResult;
import com.propty.events.Event;
import com.propty.events.ResendRequested;
import com.propty.events.Topics;
import com.propty.history.audit.AuditTrail;
import com.propty.history.history.ResendHistory;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.messaging.ConsumerRetries;
import com.propty.kit.messaging.Consumed;
import com.propty.kit.messaging.EventBatch;
import com.propty.kit.messaging.ProjectionErrorHandling;
import com.propty.kit.metrics.ConsumerMeters;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of history-service (bindings in application.yml): batch consumers of {@code resend-requested},
 * {@code delivery-results} and {@code audit-events}, group {@code history-service}.
 *
 * <p>Read with service-kit's messaging kit, as every projection is: a record that cannot be read, or lacks what its
 * projection needs (an audit entry without its id, property or time cannot be kept or paged), goes to
 * {@code <topic>.history-service.dlq} on its own, after the records before it are projected ({@link EventBatch});
 * any other failure (the store down) retries the poll at a fixed interval, without limit ({@link
 * ProjectionErrorHandling}): the projections are idempotent, so replaying is safe, and nothing is skipped.
 */
@Configuration
public class Messaging {

    static final String SERVICE = "history-service";

    @Bean
    Consumer<Message<List<byte[]>>> resendRequested(ResendHistory history, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        return projection(Topics.RESEND_REQUESTED, ResendRequested.class,
                r -> r.noticeId() != null && r.resendId() != null, history::requested,
                new EventBatch(json, tracing), meters);
    }

    @Bean
    Consumer<Message<List<byte[]>>> deliveryResults(ResendHistory history, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        return projection(Topics.DELIVERY_RESULTS, DeliveryResult.class,
                r -> r.noticeId() != null && r.recipientId() != null && r.channel() != null && r.status() != null,
                history::resulted, new EventBatch(json, tracing), meters);
    }

    @Bean
    Consumer<Message<List<byte[]>>> auditEvents(AuditTrail trail, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        return projection(Topics.AUDIT_EVENTS, AuditRecorded.class, AuditTrail::keepable, trail::recorded,
                new EventBatch(json, tracing), meters);
    }

    private static <T extends Event> Consumer<Message<List<byte[]>>> projection(String topic, Class<T> type,
            Predicate<T> valid, Consumer<List<T>> project, EventBatch reader, ConsumerMeters meters) {
        meters.register(topic);
        EventBatch events = reader.topic(topic, type, valid);
        Consumer<List<Consumed<Object>>> apply = read -> {
            List<T> batch = read.stream().map(c -> type.cast(c.event())).toList();
            project.accept(batch);
            meters.applied(topic, batch);
        };
        return poll -> events.consume(poll, apply);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer projectionErrorHandling(ConsumerRetries retries, ConsumerMeters meters) {
        return retries.projections(SERVICE, meters::deadLettered);
    }
}
