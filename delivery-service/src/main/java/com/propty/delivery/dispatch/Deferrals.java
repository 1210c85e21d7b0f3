package com.propty.delivery.dispatch;

import com.propty.kit.messaging.EventPublisher;
import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                .stream().map(e -> new EventPublisher.Keyed(e.noticeId(), e)).toList());
    }

    static List<DeliveryDeferred> events(Channel channel, String provider, String reason, Instant nextTryAt,
            Instant giveUpAt, List<Send> parked) {
        Map<String, List<DeliveryDeferred.DeferredTarget>> byNotice = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Send send : parked) {
            byNotice.computeIfAbsent(send.noticeId(), n -> new ArrayList<>())
                    .add(new DeliveryDeferred.DeferredTarget(send.recipientId(), send.attempt(), send.attemptId()));
            if (send.propertyId() != null) {
                properties.putIfAbsent(send.noticeId(), send.propertyId()); // a notice belongs to one property
            }
        }
        List<DeliveryDeferred> events = new ArrayList<>();
        byNotice.forEach((notice, targets) -> {
            for (int from = 0; from < targets.size(); from += Topics.CHUNK_SIZE) {
                events.add(DeliveryDeferred.of(properties.get(notice), notice, channel, provider, reason, nextTryAt, giveUpAt,
                        targets.subList(from, Math.min(targets.size(), from + Topics.CHUNK_SIZE))));
            }
        });
        return events;
    }
}
