package com.propty.resend.messaging;

import com.propty.events.DeliveryResult;
import com.propty.events.Topics;
import com.propty.kit.metrics.ConsumerMeters;
import com.propty.resend.claim.Claims;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * All Kafka wiring of resend-service (bindings in application.yml): it consumes
 * {@code delivery-results} in batches (group {@code resend-service}) to release claims, and
 * publishes {@code resend-requested} through {@link ResendRequests}.
 *
 * <p>An unreadable record is sent to the dead-letter topic on its own and the rest of the batch goes
 * on. A store failure is retried here for a while before the batch is failed, because a failed batch
 * goes to the dead-letter topic as a whole and an unreleased claim blocks its channel.
 */
@Configuration
public class Messaging {

    private static final Logger log = LoggerFactory.getLogger(Messaging.class);

    @Bean
    Consumer<List<byte[]>> deliveryResults(Claims claims, JsonMapper json, StreamBridge bridge,
            @Value("${resend.messaging.delivery-results-dlq:delivery-results.resend-service.dlq}") String dlq,
            @Value("${resend.messaging.store-retries:6}") int storeRetries, ConsumerMeters meters) {
        meters.register(Topics.DELIVERY_RESULTS);
        return records -> {
            List<DeliveryResult> results = new ArrayList<>(records.size());
            for (byte[] record : records) {
                try {
                    results.add(json.readValue(record, DeliveryResult.class));
                } catch (RuntimeException e) {
                    log.warn("Unreadable delivery result sent to {}: {}", dlq, e.getMessage());
                    bridge.send(dlq, MessageBuilder.withPayload(record).build());
                    meters.deadLettered(Topics.DELIVERY_RESULTS);
                }
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    claims.record(results);
                    meters.applied(Topics.DELIVERY_RESULTS, results);
                    return;
                } catch (DataAccessException e) {
                    if (attempt >= storeRetries) {
                        throw e;
                    }
                    log.warn("Recording {} delivery results failed (try {}), retrying: {}", results.size(), attempt,
                            e.getMessage());
                    pause(500L << Math.min(attempt, 5));
                }
            }
        };
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
