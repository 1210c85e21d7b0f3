package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticeChangedTest {

    @Test
    void aChangeOfMoreRowsThanTheLimitIsSentAsARefreshWithNoIds() {
        List<String> three = List.of("r1", "r2", "r3");
        NoticeChanged rows = NoticeChanged.recipients("n1", three, 3);
        assertThat(rows.refresh()).isFalse();
        assertThat(rows.recipientIds()).containsExactlyElementsOf(three);

        NoticeChanged refresh = NoticeChanged.recipients("n1", three, 2);
        assertThat(refresh.refresh()).isTrue();
        assertThat(refresh.recipientIds()).isEmpty();
        assertThat(refresh.complete()).isTrue();
    }

    @Test
    void theSchemaBoundCapsAnyConfiguredLimit() {
        List<String> many = IntStream.range(0, NoticeChanged.MAX_RECIPIENT_IDS + 1).mapToObj(i -> "r" + i).toList();
        assertThat(NoticeChanged.recipients("n1", many, 10_000).refresh()).isTrue();
        assertThat(NoticeChanged.recipients("n1", many.subList(0, NoticeChanged.MAX_RECIPIENT_IDS), 10_000).refresh())
                .isFalse();
    }

    @Test
    void completeNeedsWhatEachKindIsActedOnBy() {
        assertThat(NoticeChanged.notice("n1").complete()).isTrue();
        assertThat(NoticeChanged.resend("n1", "rs1").complete()).isTrue();
        assertThat(NoticeChanged.recipients("n1", List.of("r1"), 50).complete()).isTrue();

        assertThat(event(null, NoticeChanged.Kind.NOTICE, null, false, null).complete()).isFalse();
        assertThat(event(" ", NoticeChanged.Kind.NOTICE, null, false, null).complete()).isFalse();
        assertThat(event("n1", null, null, false, null).complete()).isFalse();
        assertThat(event("n1", NoticeChanged.Kind.RESEND, null, false, null).complete()).isFalse();
        assertThat(event("n1", NoticeChanged.Kind.RECIPIENTS, null, false, null).complete()).isFalse();
        assertThat(event("n1", NoticeChanged.Kind.RECIPIENTS, List.of(), false, null).complete()).isFalse();
        assertThat(event("n1", NoticeChanged.Kind.RECIPIENTS, java.util.Arrays.asList("r1", null), false, null)
                .complete()).isFalse();
        List<String> tooMany = IntStream.rangeClosed(0, NoticeChanged.MAX_RECIPIENT_IDS).mapToObj(i -> "r" + i)
                .toList();
        assertThat(event("n1", NoticeChanged.Kind.RECIPIENTS, tooMany, false, null).complete()).isFalse();
        assertThat(event("n1", NoticeChanged.Kind.RECIPIENTS, null, true, null).complete()).isTrue();
    }

    private static NoticeChanged event(String noticeId, NoticeChanged.Kind kind, List<String> ids, boolean refresh,
            String resendId) {
        return new NoticeChanged("e1", NoticeChanged.TYPE, 1, Instant.now(), noticeId, kind, ids, refresh, resendId);
    }
}
