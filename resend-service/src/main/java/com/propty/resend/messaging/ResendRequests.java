package com.propty.resend.messaging;

import com.propty.events.ResendRequested;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/** Publishes resend chunks on {@code resend-requested}; the binding is synchronous, so a failure is seen here. */
@Component
public class ResendRequests {

    static final String BINDING = "resendRequested";

    private final StreamBridge bridge;
    private final JsonMapper json;

    public ResendRequests(StreamBridge bridge, JsonMapper json) {
        this.bridge = bridge;
        this.json = json;
    }

    public void publish(ResendRequested chunk, String key) {
        boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(json.writeValueAsBytes(chunk))
                .setHeader(KafkaHeaders.KEY, key)
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build());
        if (!sent) {
            throw new IllegalStateException("resend-requested refused chunk " + chunk.eventId());
        }
    }
}
