package com.propty.delivery.webhook;

import com.propty.delivery.EventPublisher;
import com.propty.events.ContactOptedOut;
import com.propty.events.Topics;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** Publishes to {@code contact-opt-outs}, keyed like results so a recipient's opt-out follows its results in order. */
@Component
class ContactOptOuts {

    static final String BINDING = "contactOptOutsOut";

    private final EventPublisher publisher;

    ContactOptOuts(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Throws before the events are marked applied: SendGrid retries the webhook and they are applied then. */
    void publish(Collection<ContactOptedOut> optOuts) {
        for (ContactOptedOut optOut : optOuts) {
            publisher.publish(BINDING, Topics.resultKey(optOut.noticeId(), optOut.recipientId()), optOut);
        }
    }
}
