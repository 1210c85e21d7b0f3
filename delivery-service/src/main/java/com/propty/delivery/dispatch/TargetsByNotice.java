package com.propty.delivery.dispatch;

import com.propty.events.DeliveryDeferred;
import com.propty.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends as the events that announce them to notice-service (a deferral, a hold): one event per notice and at most
 * {@link Topics#CHUNK_SIZE} targets, each with the notice's property (a notice belongs to one property).
 */
final class TargetsByNotice {

    /** Makes one event of a notice's targets. */
    interface Event<E> {
        E of(String propertyId, String noticeId, List<DeliveryDeferred.DeferredTarget> targets);
    }

    private TargetsByNotice() {
    }

    static <E> List<E> events(List<Send> sends, Event<E> event) {
        Map<String, List<DeliveryDeferred.DeferredTarget>> byNotice = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Send send : sends) {
            byNotice.computeIfAbsent(send.noticeId(), n -> new ArrayList<>())
                    .add(new DeliveryDeferred.DeferredTarget(send.recipientId(), send.attempt(), send.attemptId()));
            if (send.propertyId() != null) {
                properties.putIfAbsent(send.noticeId(), send.propertyId());
            }
        }
        List<E> events = new ArrayList<>();
        byNotice.forEach((notice, targets) -> {
            for (int from = 0; from < targets.size(); from += Topics.CHUNK_SIZE) {
                events.add(event.of(properties.get(notice), notice,
                        targets.subList(from, Math.min(targets.size(), from + Topics.CHUNK_SIZE))));
            }
        });
        return events;
    }
}
