package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.Content;
import com.propty.events.DeliveryHeld;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParkedBatchTest {

    static final Content CONTENT = new Content("Water", "Water off on Monday", "Water off");
    static final Send SMS = new Send("dispatch-1", "p1", "notice-1", "r1", Channel.SMS, 1, "+15145550001");
    static final Instant HELD_AT = Instant.parse("2026-01-15T03:30:00Z");
    static final Instant UNTIL = Instant.parse("2026-01-15T13:00:00Z");
    static final Instant DUE = Instant.parse("2026-01-15T13:00:00.200Z");

    @Test
    void aHoldIsDueWhenTheQuietHoursEndAndUntried() {
        ParkedBatch hold = ParkedBatch.quietHours("b1", Channel.SMS, CONTENT, List.of(SMS), HELD_AT, UNTIL);

        assertThat(hold.held()).isTrue();
        assertThat(hold.reason()).isEqualTo(DeliveryHeld.QUIET_HOURS);
        assertThat(hold.nextAttemptAt()).isEqualTo(UNTIL);
        assertThat(hold.tries()).isZero();
        assertThat(hold.sends()).containsExactly(SMS);
    }

    @Test
    void aDueHoldIsTriedAsAFirstTryWhoseGiveUpClockStartsThen() {
        ParkedBatch tried = ParkedBatch.quietHours("b1", Channel.SMS, CONTENT, List.of(SMS), HELD_AT, UNTIL).toTry(DUE);

        assertThat(tried).isEqualTo(new ParkedBatch("b1", Channel.SMS, CONTENT, List.of(SMS), DUE, 0, DUE, null, false));
    }

    @Test
    void anOutageBatchIsTriedAsItIs() {
        ParkedBatch outage = new ParkedBatch("b2", Channel.SMS, CONTENT, List.of(SMS), HELD_AT, 3, UNTIL, "HTTP 503",
                false);

        assertThat(outage.toTry(DUE)).isSameAs(outage);
    }
}
