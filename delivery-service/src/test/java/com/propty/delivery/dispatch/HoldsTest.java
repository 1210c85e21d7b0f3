package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.DeliveryDeferred;
import com.propty.events.DeliveryHeld;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldsTest {

    private static final Instant UNTIL = Instant.parse("2026-01-15T13:00:00Z");

    @Test
    void heldSendsAreAnnouncedPerNoticeInChunksOfAtMostFiveHundred() {
        List<Send> held = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            held.add(new Send("dispatch-a", "p1", "notice-a", "r" + i, Channel.SMS, 1, "+1514555" + i));
        }
        held.add(new Send("resend-b", "p2", "notice-b", "x", Channel.SMS, 3, "+15145559999"));

        List<DeliveryHeld> events = Holds.events(Channel.SMS, UNTIL, held);

        assertThat(events).extracting(DeliveryHeld::noticeId).containsExactly("notice-a", "notice-a", "notice-b");
        assertThat(events).extracting(DeliveryHeld::propertyId).containsExactly("p1", "p1", "p2");
        assertThat(events).extracting(e -> e.targets().size()).containsExactly(500, 1, 1);
        assertThat(events.get(2).targets()).containsExactly(new DeliveryDeferred.DeferredTarget("x", 3, "resend-b"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(DeliveryHeld.TYPE);
            assertThat(e.channel()).isEqualTo(Channel.SMS);
            assertThat(e.reason()).isEqualTo(DeliveryHeld.QUIET_HOURS);
            assertThat(e.until()).isEqualTo(UNTIL);
        });
    }
}
