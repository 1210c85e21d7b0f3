package com.propty.delivery.webhook;

import com.propty.kit.messaging.EventPublisher;
import com.propty.events.ContactOptedOut;
import com.propty.events.Topics;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** Publishes to {@code contact-opt-outs}, keyed like results so a recipient's opt-out follows its results in order. */
@Component
class ContactOptOuts {

    private final EventPublisher publisher;

    ContactOptOuts(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Throws before the events are marked applied: SendGrid retries the webhook and they are applied then. */
    void publish(Collection<ContactOptedOut> optOuts) {
        publisher.publish(Topics.CONTACT_OPT_OUTS, optOuts.stream()
                .map(o -> new EventPublisher.Keyed(Topics.noticeKey(o.noticeId()), o)).toList());
    }
}
