package com.propty.resend.policy;

import com.propty.events.Channel;

/** One recipient's channel on one notice: the unit that is claimed, resent and answered. */
public record ChannelKey(String recipientId, Channel channel) {
}
