package com.propty.delivery.dispatch;

import com.propty.kit.messaging.EventPublisher;
import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.Topics;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code delivery-deferrals} that sends were parked because their provider is unavailable: for the
 * notice this is the channels' first answer (CONTRACT §2). One event per notice and at most
 * {@link Topics#CHUNK_SIZE} sends, published once the parked batch is stored.
 */
@Component
class Deferrals {

    private final EventPublisher publisher;

    Deferrals(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(Channel channel, String provider, String reason, Instant nextTryAt, Instant giveUpAt,
            List<Send> parked) {
        publisher.publish(Topics.DELIVERY_DEFERRALS, events(channel, provider, reason, nextTryAt, giveUpAt, parked)
                .stream().map(e -> new EventPublisher.Keyed(Topics.noticeKey(e.noticeId()), e)).toList());
    }

    static List<DeliveryDeferred> events(Channel channel, String provider, String reason, Instant nextTryAt,
            Instant giveUpAt, List<Send> parked) {
        return TargetsByNotice.events(parked, (property, notice, targets) -> DeliveryDeferred.of(property, notice,
                channel, provider, reason, nextTryAt, giveUpAt, targets));
    }
}
