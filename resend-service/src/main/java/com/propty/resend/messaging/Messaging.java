package com.propty.resend.messaging;

import com.propty.events.DeliveryResult;
import com.propty.events.Topics;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.messaging.ConsumerRetries;
import com.propty.kit.messaging.Consumed;
import com.propty.kit.messaging.EventBatch;
import com.propty.kit.messaging.ProjectionErrorHandling;
import com.propty.kit.metrics.ConsumerMeters;
import com.propty.resend.claim.Claims;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of resend-service (bindings in application.yml): it consumes {@code delivery-results} in batches
 * (group {@code resend-service}) to release claims, and publishes {@code resend-requested} through
 * {@link ResendRequests}.
 *
 * <p>Read with service-kit's messaging kit, as every projection is: a record that cannot be read (poison) goes to
 * {@code delivery-results.resend-service.dlq} on its own, after the results before it are recorded ({@link
 * EventBatch}); any other failure (the store down) retries the poll at a fixed interval, without limit ({@link
 * ProjectionErrorHandling}): recording a result twice releases a claim once, and dead-lettering a batch would leave
 * its claims unreleased, blocking their channels.
 */
@Configuration
public class Messaging {

    static final String SERVICE = "resend-service";

    @Bean
    Consumer<Message<List<byte[]>>> deliveryResults(Claims claims, JsonMapper json, BatchTracing tracing,
            ConsumerMeters meters) {
        meters.register(Topics.DELIVERY_RESULTS);
        EventBatch events = new EventBatch(json, tracing).topic(Topics.DELIVERY_RESULTS, DeliveryResult.class,
                r -> r.noticeId() != null && r.recipientId() != null && r.channel() != null && r.status() != null);
        Consumer<List<Consumed<Object>>> record = read -> {
            List<DeliveryResult> results = read.stream().map(c -> (DeliveryResult) c.event()).toList();
            claims.record(results);
            meters.applied(Topics.DELIVERY_RESULTS, results);
        };
        return poll -> events.consume(poll, record);
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer resultsErrorHandling(ConsumerRetries retries, ConsumerMeters meters) {
        return retries.projections(SERVICE, meters::deadLettered);
    }
}
