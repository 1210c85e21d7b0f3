package com.propty.notice.recipient;

import com.propty.events.Channel;
import java.time.Instant;
import java.util.Map;

/**
 * A resident on a notice, with the state of each of the notice's channels (name as it was when sent); {@code holds}:
 * the channels whose current attempt waits for the end of quiet hours, with that end.
 */
public record Recipient(String noticeId, String recipientId, String name, Map<Channel, ChannelState> channels,
        Map<Channel, Instant> holds) {

    public Recipient(String noticeId, String recipientId, String name, Map<Channel, ChannelState> channels) {
        this(noticeId, recipientId, name, channels, Map.of());
    }

    public static String id(String noticeId, String recipientId) {
        return noticeId + ":" + recipientId;
    }
}
