package com.propty.notice.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.NoticeChanged;
import com.propty.events.NoticeChanged.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeChangesTest {

    @Test
    void aBatchPublishesOneRowsHintPerNoticeAndOneHintPerResendNeverOnePerRecipient() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        rows.put("n1", Set.of("r1", "r2", "r3"));
        rows.put("n2", Set.of("r9"));
        Map<String, List<String>> resends = new LinkedHashMap<>();
        resends.put("n1", List.of("rs1", "rs2", "rs1"));
        resends.put("n3", List.of("rs3"));

        List<NoticeChanged> hints = NoticeChanges.ofBatch(rows, resends, 50);

        assertThat(hints).extracting(NoticeChanged::noticeId, NoticeChanged::kind, NoticeChanged::resendId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("n1", Kind.RECIPIENTS, null),
                        org.assertj.core.groups.Tuple.tuple("n1", Kind.RESEND, "rs1"),
                        org.assertj.core.groups.Tuple.tuple("n1", Kind.RESEND, "rs2"),
                        org.assertj.core.groups.Tuple.tuple("n2", Kind.RECIPIENTS, null),
                        org.assertj.core.groups.Tuple.tuple("n3", Kind.RESEND, "rs3"));
        assertThat(hints.get(0).recipientIds()).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(hints).allMatch(NoticeChanged::complete);
    }

    @Test
    void moreChangedRowsThanTheStreamSendsBecomeOneRefreshHint() {
        List<NoticeChanged> hints = NoticeChanges.ofBatch(Map.of("n1", Set.of("r1", "r2", "r3")), Map.of(), 2);
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).refresh()).isTrue();
        assertThat(hints.get(0).recipientIds()).isEmpty();
    }

    @Test
    void aNoticeWithNoChangedRowsAndNoResendPublishesNothing() {
        assertThat(NoticeChanges.ofBatch(Map.of("n1", Set.of()), Map.of(), 50)).isEmpty();
    }

    @Test
    void eachKindBecomesItsPush() {
        Recorded pushes = new Recorded();
        NoticeChanges.push(NoticeChanged.notice("n1"), pushes);
        NoticeChanges.push(NoticeChanged.recipients("n1", List.of("r1", "r2"), 50), pushes);
        NoticeChanges.push(NoticeChanged.recipients("n1", List.of("r1", "r2"), 1), pushes);
        NoticeChanges.push(NoticeChanged.resend("n1", "rs1"), pushes);
        assertThat(pushes.calls).containsExactly("notice n1", "rows n1 [r1, r2]", "refresh n1", "resend n1 rs1");
    }

    private static final class Recorded implements NoticeChanges.Pushes {
        final List<String> calls = new ArrayList<>();

        @Override
        public void noticeChanged(String noticeId) {
            calls.add("notice " + noticeId);
        }

        @Override
        public void recipientsChanged(String noticeId, Collection<String> recipientIds) {
            calls.add("rows " + noticeId + " " + recipientIds);
        }

        @Override
        public void refresh(String noticeId) {
            calls.add("refresh " + noticeId);
        }

        @Override
        public void resend(String noticeId, String resendId) {
            calls.add("resend " + noticeId + " " + resendId);
        }
    }
}
