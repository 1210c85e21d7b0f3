package com.propty.notice.notice;

/** What the live stream's {@code notice} event carries. */
public record NoticeSummary(String id, NoticeStatus status, boolean resendable, DeliveryStats stats) {

    public static NoticeSummary of(Notice notice) {
        return new NoticeSummary(notice.id(), notice.status(), notice.resendable(), notice.statsOrNone());
    }
}
