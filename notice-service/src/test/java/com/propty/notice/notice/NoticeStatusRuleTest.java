package com.propty.notice.notice;

import static com.propty.events.DeliveryStatus.DELIVERED;
import static com.propty.events.DeliveryStatus.FAILED;
import static com.propty.events.DeliveryStatus.PENDING;
import static com.propty.events.DeliveryStatus.SENT;
import static com.propty.events.DeliveryStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.DeliveryStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeStatusRuleTest {

    private static ChannelSnapshot s(DeliveryStatus status, int attempt) {
        return new ChannelSnapshot(status, attempt);
    }

    private static StateCombination row(ChannelSnapshot email, ChannelSnapshot sms, long count) {
        return new StateCombination(email, sms, count);
    }

    @Test
    void aNoticeIsSendingWhileAFirstAttemptHasNoAnswer() {
        List<StateCombination> rows = List.of(row(s(SENT, 1), s(PENDING, 1), 1), row(s(FAILED, 1), null, 1));
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, rows)).isEqualTo(NoticeStatus.SENDING);
    }

    @Test
    void aFirstAttemptDeferredByAnOutageCountsAsAnswered() {
        ChannelSnapshot deferred = new ChannelSnapshot(PENDING, 1, true);
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of(row(s(SENT, 1), deferred, 2))))
                .isEqualTo(NoticeStatus.SENT);
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of(row(deferred, null, 1), row(s(FAILED, 1), null, 1))))
                .isEqualTo(NoticeStatus.PARTIALLY_FAILED);
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of(row(deferred, null, 1), row(s(PENDING, 1), null, 1))))
                .as("another channel still unanswered").isEqualTo(NoticeStatus.SENDING);
    }

    @Test
    void afterTheFirstAnswersAFailureMakesItPartiallyFailedElseSent() {
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of(row(s(SENT, 1), s(SKIPPED, 1), 2))))
                .isEqualTo(NoticeStatus.SENT);
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of(row(s(SENT, 1), s(FAILED, 1), 1))))
                .isEqualTo(NoticeStatus.PARTIALLY_FAILED);
    }

    @Test
    void aResendInFlightKeepsItPartiallyFailedAndNotResendable() {
        List<StateCombination> rows = List.of(row(s(DELIVERED, 1), s(PENDING, 2), 3));
        NoticeStatus status = NoticeStatusRule.next(NoticeStatus.PARTIALLY_FAILED, rows);
        assertThat(status).isEqualTo(NoticeStatus.PARTIALLY_FAILED);
        assertThat(NoticeStatusRule.resendable(status, DeliveryStats.of(rows))).isFalse();
    }

    @Test
    void aLateBounceTurnsSentIntoPartiallyFailedAndAFixedResendTurnsItBack() {
        assertThat(NoticeStatusRule.next(NoticeStatus.SENT, List.of(row(s(FAILED, 1), null, 1))))
                .isEqualTo(NoticeStatus.PARTIALLY_FAILED);
        assertThat(NoticeStatusRule.next(NoticeStatus.PARTIALLY_FAILED, List.of(row(s(SENT, 2), null, 1))))
                .isEqualTo(NoticeStatus.SENT);
    }

    @Test
    void aSentNoticeNeverGoesBackToSendingAndDraftsAreLeftAlone() {
        assertThat(NoticeStatusRule.next(NoticeStatus.SENT, List.of(row(s(PENDING, 1), null, 1))))
                .isEqualTo(NoticeStatus.SENT);
        assertThat(NoticeStatusRule.next(NoticeStatus.DRAFT, List.of(row(s(FAILED, 1), null, 1))))
                .isEqualTo(NoticeStatus.DRAFT);
        assertThat(NoticeStatusRule.next(NoticeStatus.SENDING, List.of())).isEqualTo(NoticeStatus.SENT);
    }

    @Test
    void onlySentNoticesWithAFailedChannelAreResendable() {
        DeliveryStats failing = DeliveryStats.of(List.of(row(s(FAILED, 1), null, 1)));
        assertThat(NoticeStatusRule.resendable(NoticeStatus.PARTIALLY_FAILED, failing)).isTrue();
        assertThat(NoticeStatusRule.resendable(NoticeStatus.SENDING, failing)).isFalse();
        assertThat(NoticeStatusRule.resendable(NoticeStatus.SENT,
                DeliveryStats.of(List.of(row(s(DELIVERED, 1), null, 1))))).isFalse();
    }
}
