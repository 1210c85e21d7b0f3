package com.propty.notice.recipient;

import com.propty.events.Channel;
import java.util.Map;

/** A resident on a notice, with the state of each of the notice's channels (name as it was when sent). */
public record Recipient(String noticeId, String recipientId, String name, Map<Channel, ChannelState> channels) {

    public static String id(String noticeId, String recipientId) {
        return noticeId + ":" + recipientId;
    }
}
