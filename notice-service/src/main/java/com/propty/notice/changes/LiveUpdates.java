package com.propty.notice.changes;

import com.propty.events.NoticeChanged;
import com.propty.events.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Tells every notice-service instance's open streams that a notice changed, through {@code notice-changes}: the
 * instance that changed it (the projection owning the notice's partition, a dispatch) publishes a hint after its store
 * write, and each instance, this one included, pushes to the pages it holds ({@code stream.LiveUpdateListener}).
 *
 * <p>Best effort: a hint that cannot be published is logged (its notice id and the cause only) and dropped, never
 * failing or retrying the write that caused it; a page that misses one shows it after its next update or when it
 * reconnects and refetches.
 */
@Component
public class LiveUpdates {

    static final String BINDING = "noticeChanges";
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final StreamBridge streamBridge;
    private final int maxRowEvents;

    public LiveUpdates(StreamBridge streamBridge,
            LiveUpdateProperties properties) {
        this.streamBridge = streamBridge;
        this.maxRowEvents = properties.maxRowEvents();
    }

    /** The notice's status, stats or {@code resendable} changed (the store has them). */
    public void noticeChanged(String noticeId) {
        publish(NoticeChanged.notice(noticeId));
    }

    /** What one projection batch changed: the rows per notice and the resends per notice it touched. */
    public void batchChanged(Map<String, ? extends Collection<String>> changedRows,
            Map<String, ? extends Collection<String>> resends) {
        List<NoticeChanged> hints = NoticeChanges.ofBatch(changedRows, resends, maxRowEvents);
        hints.forEach(this::publish);
    }

    private void publish(NoticeChanged hint) {
        try {
            if (!streamBridge.send(BINDING, MessageBuilder.withPayload(hint)
                    .setHeader(KafkaHeaders.KEY, Topics.noticeKey(hint.noticeId())).build())) {
                log.warn("Live update {} of notice {} not published", hint.kind(), hint.noticeId());
            }
        } catch (RuntimeException e) {
            log.warn("Live update {} of notice {} not published: {}", hint.kind(), hint.noticeId(), e.toString());
        }
    }
}
