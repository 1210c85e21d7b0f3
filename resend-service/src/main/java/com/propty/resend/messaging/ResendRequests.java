package com.propty.resend.messaging;

import com.propty.events.ResendRequested;
import com.propty.events.Topics;
import com.propty.kit.messaging.EventPublisher;
import org.springframework.stereotype.Component;

/** Publishes resend chunks on {@code resend-requested}; returns once the broker has the chunk, so a failure is seen here. */
@Component
public class ResendRequests {

    private final EventPublisher publisher;

    public ResendRequests(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(ResendRequested chunk, String key) {
        publisher.publish(Topics.RESEND_REQUESTED, key, chunk);
    }
}
