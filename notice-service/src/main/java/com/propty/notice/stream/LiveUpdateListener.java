package com.propty.notice.stream;

import com.propty.events.NoticeChanged;
import com.propty.notice.changes.NoticeChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the {@code notice-changes} hints every instance reads (its own anonymous group) into pushes to this
 * instance's open streams. A hint stream has no dead letters: a record that cannot be read, or whose push fails (the
 * store does not answer), is logged by position and skipped, so one bad record never holds up the live updates.
 */
@Component
public class LiveUpdateListener {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdateListener.class);

    private final NoticeStreams streams;
    private final JsonMapper json;
    private volatile boolean listening;

    public LiveUpdateListener(NoticeStreams streams, JsonMapper json) {
        this.streams = streams;
        this.json = json;
    }

    /**
     * Pushes a batch of raw hints; answers those it acted on (for the lag meter). {@code position} names the i-th
     * record in a log line (topic, partition, offset), never its content.
     */
    public List<NoticeChanged> accept(List<byte[]> payloads, IntFunction<String> position) {
        List<NoticeChanged> applied = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            NoticeChanged change = read(payloads.get(i));
            if (change == null || !change.complete()) {
                log.warn("Skipping unreadable live update {}", position.apply(i));
                continue;
            }
            try {
                NoticeChanges.push(change, streams);
                applied.add(change);
            } catch (RuntimeException e) {
                log.warn("Live update {} of notice {} not pushed: {}", change.kind(), change.noticeId(), e.toString());
            }
        }
        return applied;
    }

    /** The consumer has its partitions and their positions: every hint published from now on reaches this instance. */
    public void listening() {
        listening = true;
    }

    /** False until the hint consumer first has its partitions (a hint published before is not seen here). */
    public boolean isListening() {
        return listening;
    }

    private NoticeChanged read(byte[] payload) {
        try {
            return payload == null ? null : json.readValue(payload, NoticeChanged.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
