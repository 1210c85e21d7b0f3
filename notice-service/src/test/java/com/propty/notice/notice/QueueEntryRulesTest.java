package com.propty.notice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.Requester;
import com.propty.notice.notice.QueueEntryRules.Decision;
import com.propty.notice.notice.QueueEntryRules.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueEntryRulesTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aScheduledNoticeWhoseTimeCameIsTaken() {
        assertThat(QueueEntryRules.scheduled(notice(NoticeStatus.SCHEDULED, NOW, null), NOW))
                .isEqualTo(Decision.of(Step.TAKE));
    }

    @Test
    void anEntryEarlierThanItsRescheduledNoticeMovesToTheNoticesTime() {
        Instant later = NOW.plusSeconds(3600);
        assertThat(QueueEntryRules.scheduled(notice(NoticeStatus.SCHEDULED, later, null), NOW))
                .isEqualTo(new Decision(Step.POSTPONE, later));
    }

    @Test
    void anEntryOfANoticeSentOrGoneIsRemoved() {
        assertThat(QueueEntryRules.scheduled(null, NOW)).isEqualTo(Decision.of(Step.REMOVE));
        for (NoticeStatus sent : List.of(NoticeStatus.SENDING, NoticeStatus.SENT, NoticeStatus.PARTIALLY_FAILED)) {
            assertThat(QueueEntryRules.scheduled(notice(sent, null, dispatch(true, NOW)), NOW))
                    .isEqualTo(Decision.of(Step.REMOVE));
        }
    }

    @Test
    void anEntryOfADraftIsRemovedOnlyIfNoScheduleRequestWroteItSince() {
        assertThat(QueueEntryRules.scheduled(notice(NoticeStatus.DRAFT, null, null), NOW))
                .isEqualTo(Decision.of(Step.REMOVE_IF_UNCHANGED));
    }

    @Test
    void aDispatchWhoseLeaseEndedIsTakenOver() {
        assertThat(QueueEntryRules.underWay(notice(NoticeStatus.SENDING, null, dispatch(false, NOW.minusMillis(1))), NOW))
                .isEqualTo(Decision.of(Step.TAKE));
    }

    @Test
    void aDispatchWhoseLeaseRunsOnWaitsUntilItEnds() {
        Instant leaseUntil = NOW.plusSeconds(60);
        assertThat(QueueEntryRules.underWay(notice(NoticeStatus.SENDING, null, dispatch(false, leaseUntil)), NOW))
                .isEqualTo(new Decision(Step.POSTPONE, leaseUntil));
    }

    @Test
    void aFinishedDispatchsEntryIsRemoved() {
        assertThat(QueueEntryRules.underWay(notice(NoticeStatus.SENT, null, dispatch(true, NOW.minusSeconds(60))), NOW))
                .isEqualTo(Decision.of(Step.REMOVE));
    }

    @Test
    void anEntryOfANoticeThatNeverTurnedSendingIsRemovedOnlyIfNoDispatchBeganSince() {
        assertThat(QueueEntryRules.underWay(null, NOW)).isEqualTo(Decision.of(Step.REMOVE_IF_UNCHANGED));
        for (NoticeStatus before : List.of(NoticeStatus.DRAFT, NoticeStatus.SCHEDULED)) {
            assertThat(QueueEntryRules.underWay(notice(before, NOW, null), NOW))
                    .isEqualTo(Decision.of(Step.REMOVE_IF_UNCHANGED));
        }
    }

    static Notice notice(NoticeStatus status, Instant scheduledAt, Notice.Dispatch dispatch) {
        return new Notice("n-1", "p-1", "Title", "Body", null, List.of(Channel.EMAIL), null, status,
                new Requester("u-1", "User"), NOW, NOW, scheduledAt, null, false, DeliveryStats.NONE, dispatch, null);
    }

    static Notice.Dispatch dispatch(boolean dispatched, Instant leaseUntil) {
        return new Notice.Dispatch("d-1", dispatched, 0, 0, dispatched, leaseUntil, NOW.minusSeconds(600));
    }
}
