package com.propty.kit;

import com.propty.events.Topics;
import com.propty.kit.messaging.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail's producer side, for a service that sets {@code propty.audit.enabled=true}: the outbox its use
 * cases record into, and the relay that publishes it to {@code audit-events} through the kit's {@link EventPublisher}
 * (a batch at a time, marked published once the broker has all of it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "propty.audit.enabled", havingValue = "true")
class AuditConfiguration {

    @Bean
    AuditOutbox auditOutbox(MongoTemplate mongo, ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock) {
        return new AuditOutbox(mongo, json.getIfAvailable(() -> JsonMapper.builder().build()),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    static class Relay {

        @Bean
        AuditRelay auditRelay(AuditOutbox outbox, EventPublisher publisher, ObjectProvider<Clock> clock,
                @Value("${propty.audit.relay-interval:PT0.5S}") Duration interval,
                @Value("${propty.audit.relay-batch-size:500}") int batchSize,
                @Value("${propty.audit.keep-published:PT1H}") Duration keepPublished) {
            return new AuditRelay(outbox, entries -> publisher.publish(Topics.AUDIT_EVENTS, entries.stream()
                    .map(entry -> new EventPublisher.Keyed(entry.key(), entry.event().getBytes(StandardCharsets.UTF_8)))
                    .toList()), interval, batchSize, keepPublished, clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
