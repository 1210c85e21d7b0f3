package com.propty.delivery.dispatch;

import com.propty.kit.messaging.EventPublisher;
import com.propty.events.DeliveryResult;
import com.propty.events.Topics;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@code delivery-results}, keyed by notice ({@link Topics#noticeKey}) so that a notice's results stay in order.
 * {@link #publish} returns only once the broker has every record of the batch (see {@link EventPublisher}), so a
 * consumer that returns (and lets its offset be committed) never loses a result to a kill -9 right after, and a failed
 * send fails the consumer, which then gets the chunk again.
 */
@Component
public class DeliveryResults {

    private final EventPublisher publisher;
    private final DeliveryMeters meters;

    DeliveryResults(EventPublisher publisher, DeliveryMeters meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    public void publish(Collection<DeliveryResult> results) {
        publisher.publish(Topics.DELIVERY_RESULTS, results.stream()
                .map(r -> new EventPublisher.Keyed(Topics.noticeKey(r.noticeId()), r)).toList());
        meters.published(results);
    }
}
