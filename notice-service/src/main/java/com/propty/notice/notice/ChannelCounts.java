package com.propty.notice.notice;

/** Exclusive current states of one channel over a notice's recipients: the five add up to {@code total}. */
public record ChannelCounts(long total, long pending, long sent, long delivered, long failed, long skipped) {

    public static final ChannelCounts NONE = new ChannelCounts(0, 0, 0, 0, 0, 0);

    ChannelCounts plus(ChannelSnapshot snapshot, long count) {
        if (snapshot == null) {
            return this;
        }
        return switch (snapshot.status()) {
            case PENDING -> new ChannelCounts(total + count, pending + count, sent, delivered, failed, skipped);
            case SENT -> new ChannelCounts(total + count, pending, sent + count, delivered, failed, skipped);
            case DELIVERED -> new ChannelCounts(total + count, pending, sent, delivered + count, failed, skipped);
            case FAILED -> new ChannelCounts(total + count, pending, sent, delivered, failed + count, skipped);
            case SKIPPED -> new ChannelCounts(total + count, pending, sent, delivered, failed, skipped + count);
        };
    }
}
