package com.propty.delivery.webhook;

import com.propty.events.ContactOptedOut;
import com.propty.events.Topics;
import java.util.Collection;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/** Publishes to {@code contact-opt-outs}, keyed like results so a recipient's opt-out follows its results in order. */
@Component
class ContactOptOuts {

    static final String BINDING = "contactOptOutsOut";

    private final StreamBridge bridge;

    ContactOptOuts(StreamBridge bridge) {
        this.bridge = bridge;
    }

    void publish(Collection<ContactOptedOut> optOuts) {
        for (ContactOptedOut optOut : optOuts) {
            boolean sent = bridge.send(BINDING, MessageBuilder.withPayload(optOut)
                    .setHeader(KafkaHeaders.KEY, Topics.resultKey(optOut.noticeId(), optOut.recipientId())).build());
            if (!sent) {
                // thrown before the event is marked applied: SendGrid retries the webhook and it is applied then
                throw new IllegalStateException("Could not publish an opt-out for notice " + optOut.noticeId());
            }
        }
    }
}
