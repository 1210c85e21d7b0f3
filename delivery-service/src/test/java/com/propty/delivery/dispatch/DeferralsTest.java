package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeferralsTest {

    private static final Instant NEXT = Instant.parse("2026-01-01T00:00:05Z");
    private static final Instant GIVE_UP = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void parkedSendsAreAnnouncedPerNoticeInChunksOfAtMostFiveHundred() {
        List<Send> parked = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            parked.add(new Send("dispatch-a", "p1", "notice-a", "r" + i, Channel.EMAIL, 1, "r" + i + "@example.com"));
        }
        parked.add(new Send("resend-b", "p2", "notice-b", "x", Channel.EMAIL, 3, "x@example.com"));

        List<DeliveryDeferred> events = Deferrals.events(Channel.EMAIL, "sendgrid", "HTTP 503", NEXT, GIVE_UP, parked);

        assertThat(events).extracting(DeliveryDeferred::noticeId)
                .containsExactly("notice-a", "notice-a", "notice-a", "notice-b");
        assertThat(events).extracting(DeliveryDeferred::propertyId).containsExactly("p1", "p1", "p1", "p2");
        assertThat(events).extracting(e -> e.targets().size()).containsExactly(500, 500, 1, 1);
        assertThat(events.stream().flatMap(e -> e.targets().stream()).map(DeliveryDeferred.DeferredTarget::recipientId)
                .distinct().count()).isEqualTo(1002);
        assertThat(events.get(3).targets().get(0)).isEqualTo(new DeliveryDeferred.DeferredTarget("x", 3, "resend-b"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(e.nextTryAt()).isEqualTo(NEXT);
            assertThat(e.giveUpAt()).isEqualTo(GIVE_UP);
        });
    }
}
