package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.DeliveryHeld;
import com.propty.events.Topics;
import com.propty.kit.messaging.EventPublisher;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code delivery-holds} that sends are held on purpose until {@code until} (SMS inside their property's
 * quiet hours, README "Never at night"): for the notice this is the channel's first answer, as a deferral is. One event
 * per notice and at most {@link Topics#CHUNK_SIZE} sends, published once the held batch is stored, as
 * {@link Deferrals} does for an outage.
 */
@Component
class Holds {

    private final EventPublisher publisher;

    Holds(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(Channel channel, Instant until, List<Send> held) {
        publisher.publish(Topics.DELIVERY_HOLDS, events(channel, until, held).stream()
                .map(e -> new EventPublisher.Keyed(Topics.noticeKey(e.noticeId()), e)).toList());
    }

    static List<DeliveryHeld> events(Channel channel, Instant until, List<Send> held) {
        return TargetsByNotice.events(held, (property, notice, targets) -> DeliveryHeld.quietHours(property, notice,
                channel, until, targets));
    }
}
