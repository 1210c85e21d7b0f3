package com.propty.history.messaging;

import com.propty.events.AuditRecorded;
import com.propty.events.DeliveryResult;
import com.propty.history.audit.AuditTrail;
import com.propty.events.ResendRequested;
import com.propty.history.history.ResendHistory;
import com.propty.events.Topics;
import com.propty.kit.metrics.ConsumerMeters;
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
 * All Kafka wiring of history-service (bindings in application.yml): batch consumers of
 * {@code resend-requested}, {@code delivery-results} and {@code audit-events}, group {@code history-service}.
 *
 * <p>An unreadable record goes to the binding's dead-letter topic on its own and the rest of the batch
 * is projected. A store failure is retried here for a while before the batch is failed (and then
 * dead-lettered as a whole by the binder): the projection is idempotent, so replaying is safe.
 */
@Configuration
public class Messaging {

    private static final Logger log = LoggerFactory.getLogger(Messaging.class);

    private final JsonMapper json;
    private final StreamBridge bridge;
    private final int storeRetries;
    private final ConsumerMeters meters;

    public Messaging(JsonMapper json, StreamBridge bridge, @Value("${history.messaging.store-retries:6}") int storeRetries,
            ConsumerMeters meters) {
        this.json = json;
        this.bridge = bridge;
        this.storeRetries = storeRetries;
        this.meters = meters;
        List.of(Topics.RESEND_REQUESTED, Topics.DELIVERY_RESULTS, Topics.AUDIT_EVENTS).forEach(meters::register);
    }

    @Bean
    Consumer<List<byte[]>> resendRequested(ResendHistory history,
            @Value("${history.messaging.resend-requested-dlq:resend-requested.history-service.dlq}") String dlq) {
        return records -> {
            List<ResendRequested> chunks = read(records, ResendRequested.class, Topics.RESEND_REQUESTED, dlq);
            store(() -> history.requested(chunks), chunks.size());
            meters.applied(Topics.RESEND_REQUESTED, chunks);
        };
    }

    @Bean
    Consumer<List<byte[]>> deliveryResults(ResendHistory history,
            @Value("${history.messaging.delivery-results-dlq:delivery-results.history-service.dlq}") String dlq) {
        return records -> {
            List<DeliveryResult> results = read(records, DeliveryResult.class, Topics.DELIVERY_RESULTS, dlq);
            store(() -> history.resulted(results), results.size());
            meters.applied(Topics.DELIVERY_RESULTS, results);
        };
    }

    /** An entry without its id, property or time cannot be kept or paged: it is dead-lettered like an unreadable one. */
    @Bean
    Consumer<List<byte[]>> auditEvents(AuditTrail trail,
            @Value("${history.messaging.audit-events-dlq:audit-events.history-service.dlq}") String dlq) {
        return records -> {
            List<AuditRecorded> entries = new ArrayList<>(records.size());
            for (byte[] record : records) {
                List<AuditRecorded> read = read(List.of(record), AuditRecorded.class, Topics.AUDIT_EVENTS, dlq);
                if (read.isEmpty()) {
                    continue;
                }
                AuditRecorded entry = read.get(0);
                if (AuditTrail.keepable(entry)) {
                    entries.add(entry);
                } else {
                    log.warn("Incomplete AuditRecorded {} sent to {}", entry.eventId(), dlq);
                    bridge.send(dlq, MessageBuilder.withPayload(record).build());
                    meters.deadLettered(Topics.AUDIT_EVENTS);
                }
            }
            store(() -> trail.recorded(entries), entries.size());
            meters.applied(Topics.AUDIT_EVENTS, entries);
        };
    }

    private <T> List<T> read(List<byte[]> records, Class<T> type, String consumer, String dlq) {
        List<T> events = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                events.add(json.readValue(record, type));
            } catch (RuntimeException e) {
                log.warn("Unreadable {} sent to {}: {}", type.getSimpleName(), dlq, e.getMessage());
                bridge.send(dlq, MessageBuilder.withPayload(record).build());
                meters.deadLettered(consumer);
            }
        }
        return events;
    }

    private void store(Runnable write, int events) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (DataAccessException e) {
                if (attempt >= storeRetries) {
                    throw e;
                }
                log.warn("Projecting {} events failed (try {}), retrying: {}", events, attempt, e.getMessage());
                try {
                    Thread.sleep(500L << Math.min(attempt, 5));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
