package com.propty.notice.stream;

import com.propty.notice.changes.LiveUpdateProperties;
import com.propty.notice.changes.NoticeChanges;
import com.propty.notice.notice.Notice;
import com.propty.notice.notice.NoticeSummary;
import com.propty.notice.notice.Notices;
import com.propty.notice.recipient.RecipientRow;
import com.propty.notice.recipient.RecipientTable;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live streams of notice pages held by this instance, the one owner of their emitters. It hears what changed
 * from the {@code notice-changes} topic, like every other instance ({@link LiveUpdateListener}), never from the
 * projection directly, and reads what it shows from the store only for a notice watched here. {@code notice} events
 * are coalesced per notice and flushed every {@code notice-interval-ms} (one read of the notice per flush, so at most
 * two events a second); {@code recipient} events carry changed table rows, replaced by one {@code refresh} when a
 * batch changes many rows; {@code resend} tells the page to refetch the resend history. Keep-alive comments stop
 * proxies from closing idle streams.
 */
@Component
public class NoticeStreams implements SmartLifecycle, NoticeChanges.Pushes {

    private static final Logger log = LoggerFactory.getLogger(NoticeStreams.class);

    private final Map<String, Set<SseEmitter>> listeners = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final RecipientTable table;
    private final Notices notices;
    private final int maxRowEvents;
    private volatile boolean running;

    public NoticeStreams(RecipientTable table, Notices notices,
            LiveUpdateProperties properties) {
        this.table = table;
        this.notices = notices;
        this.maxRowEvents = properties.maxRowEvents();
    }

    public SseEmitter open(NoticeSummary initial) {
        SseEmitter emitter = new SseEmitter(0L);
        Set<SseEmitter> set = listeners.computeIfAbsent(initial.id(), id -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> close(initial.id(), emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(initial.id(), emitter, SseEmitter.event().name("notice").data(initial, MediaType.APPLICATION_JSON));
        return emitter;
    }

    public boolean isWatched(String noticeId) {
        Set<SseEmitter> set = listeners.get(noticeId);
        return set != null && !set.isEmpty();
    }

    /** The notice's summary changed: its watchers get it, read once, at the next flush. */
    @Override
    public void noticeChanged(String noticeId) {
        if (isWatched(noticeId)) {
            changed.add(noticeId);
        }
    }

    /**
     * These rows changed: the watchers get them, or one {@code refresh} when they are more than this instance sends
     * (another instance may have published with a higher limit).
     */
    @Override
    public void recipientsChanged(String noticeId, Collection<String> recipientIds) {
        if (!isWatched(noticeId) || recipientIds.isEmpty()) {
            return;
        }
        if (recipientIds.size() > maxRowEvents) {
            refresh(noticeId);
            return;
        }
        for (RecipientRow row : table.rows(noticeId, recipientIds)) {
            broadcast(noticeId, "recipient", row);
        }
    }

    /** Too many rows changed to send: the page refetches its table. */
    @Override
    public void refresh(String noticeId) {
        if (isWatched(noticeId)) {
            broadcast(noticeId, "refresh", Map.of("noticeId", noticeId));
        }
    }

    @Override
    public void resend(String noticeId, String resendId) {
        if (isWatched(noticeId)) {
            broadcast(noticeId, "resend", Map.of("resendId", resendId));
        }
    }

    @Scheduled(fixedDelayString = "${propty.notice.stream.notice-interval-ms:500}")
    void flushNoticeEvents() {
        for (String noticeId : changed) {
            changed.remove(noticeId);
            if (!isWatched(noticeId)) {
                continue;
            }
            try {
                Notice notice = notices.find(noticeId);
                if (notice != null) {
                    broadcast(noticeId, "notice", NoticeSummary.of(notice));
                }
            } catch (RuntimeException e) {
                // The store did not answer: this update is lost, the next one (or a reconnect) shows the state.
                log.warn("Could not read notice {} for its live stream: {}", noticeId, e.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${propty.notice.stream.keepalive-ms:15000}")
    void keepAlive() {
        listeners.forEach((noticeId, set) -> set.forEach(
                emitter -> send(noticeId, emitter, SseEmitter.event().comment("keepalive"))));
    }

    private void broadcast(String noticeId, String name, Object data) {
        Set<SseEmitter> set = listeners.get(noticeId);
        if (set != null) {
            set.forEach(emitter -> send(noticeId, emitter,
                    SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON)));
        }
    }

    private void send(String noticeId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            // The page went away: forget its stream.
            close(noticeId, emitter);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait
     * its whole timeout for these never-ending responses; pages reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        listeners.values().forEach(set -> set.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // Already gone.
            }
        }));
        listeners.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void close(String noticeId, SseEmitter emitter) {
        Set<SseEmitter> set = listeners.get(noticeId);
        if (set != null) {
            set.remove(emitter);
            if (set.isEmpty()) {
                listeners.remove(noticeId, set);
            }
        }
    }
}
