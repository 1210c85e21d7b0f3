package com.propty.notice.notice;

import com.propty.events.DeliveryStatus;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * A notice's counters (CONTRACT §2): audience size, recipients who received it on at least one
 * channel, recipients with at least one FAILED channel (a recipient can be both), and per channel
 * the exclusive current states.
 */
public record DeliveryStats(long recipients, long received, long failedRecipients, ChannelCounts email,
        ChannelCounts sms) {

    public static final DeliveryStats NONE = new DeliveryStats(0, 0, 0, ChannelCounts.NONE, ChannelCounts.NONE);

    public static DeliveryStats of(Collection<StateCombination> combinations) {
        DeliveryStats stats = NONE;
        for (StateCombination c : combinations) {
            boolean received = channels(c).anyMatch(s -> s.status().isReceived());
            boolean failed = channels(c).anyMatch(s -> s.status() == DeliveryStatus.FAILED);
            stats = new DeliveryStats(stats.recipients + c.count(), stats.received + (received ? c.count() : 0),
                    stats.failedRecipients + (failed ? c.count() : 0), stats.email.plus(c.email(), c.count()),
                    stats.sms.plus(c.sms(), c.count()));
        }
        return stats;
    }

    public long failedChannels() {
        return email.failed() + sms.failed();
    }

    static Stream<ChannelSnapshot> channels(StateCombination c) {
        return Stream.of(c.email(), c.sms()).filter(java.util.Objects::nonNull);
    }
}
