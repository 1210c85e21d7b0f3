package com.propty.delivery.dispatch;

import com.propty.events.Channel;
import com.propty.events.Content;
import java.time.Instant;
import java.util.List;

/** Sends of one channel and one content waiting for their provider to come back. */
public record ParkedBatch(String id, Channel channel, Content content, List<Send> sends, Instant firstParkedAt,
        int tries, Instant nextAttemptAt, String reason) {
}
