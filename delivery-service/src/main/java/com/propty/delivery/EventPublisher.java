package com.propty.delivery;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends an event through one of the service's output bindings with its record key. The bindings are synchronous
 * ({@code producer.sync: true}), so a return means the broker has it; a failure throws, which fails the consumer or
 * the webhook call that is publishing, so the work is done again rather than lost.
 */
@Component
public class EventPublisher {

    private final StreamBridge bridge;

    EventPublisher(StreamBridge bridge) {
        this.bridge = bridge;
    }

    public void publish(String binding, String key, Object event) {
        if (!bridge.send(binding, MessageBuilder.withPayload(event).setHeader(KafkaHeaders.KEY, key).build())) {
            throw new IllegalStateException("Could not publish " + event.getClass().getSimpleName() + " keyed " + key);
        }
    }
}
