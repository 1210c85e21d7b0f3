package com.propty.kit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail's producer side, for a service that sets {@code propty.audit.enabled=true}: the outbox its use
 * cases record into, and the relay that publishes it through the binding {@code auditEvents} (destination
 * {@code audit-events}, synchronous; declared in the service's application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "propty.audit.enabled", havingValue = "true")
class AuditConfiguration {

    static final String BINDING = "auditEvents";

    @Bean
    AuditOutbox auditOutbox(MongoTemplate mongo, ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock) {
        return new AuditOutbox(mongo, json.getIfAvailable(() -> JsonMapper.builder().build()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StreamBridge.class)
    static class Relay {

        @Bean
        AuditRelay auditRelay(AuditOutbox outbox, StreamBridge bridge, ObjectProvider<Clock> clock,
                @Value("${propty.audit.relay-interval:PT0.5S}") Duration interval,
                @Value("${propty.audit.relay-batch-size:500}") int batchSize,
                @Value("${propty.audit.keep-published:PT1H}") Duration keepPublished) {
            return new AuditRelay(outbox, entries -> publish(bridge, entries), interval, batchSize, keepPublished,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        private static void publish(StreamBridge bridge, List<AuditOutbox.Pending> entries) {
            for (AuditOutbox.Pending entry : entries) {
                boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(entry.event().getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))
                        .setHeader(KafkaHeaders.KEY, entry.key())
                        .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                        .build());
                if (!sent) {
                    throw new IllegalStateException("audit-events refused entry " + entry.entryId());
                }
            }
        }
    }
}
