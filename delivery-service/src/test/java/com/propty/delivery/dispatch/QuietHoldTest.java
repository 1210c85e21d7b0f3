package com.propty.delivery.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.events.Channel;
import com.propty.events.QuietHours;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoldTest {

    /** 21:00–08:00 in Montreal (UTC-5 in January). */
    static final QuietHours NIGHT = new QuietHours("America/Montreal", "21:00", "08:00");
    static final Instant LATE_EVENING = Instant.parse("2026-01-15T03:30:00Z"); // 22:30 local
    static final Instant AFTERNOON = Instant.parse("2026-01-15T19:00:00Z"); // 14:00 local

    @Test
    void anSmsInsideQuietHoursIsHeldUntilTheyEndTheNextMorning() {
        assertThat(QuietHold.until(Channel.SMS, NIGHT, LATE_EVENING)).isEqualTo(Instant.parse("2026-01-15T13:00:00Z"));
    }

    @Test
    void anSmsOutsideQuietHoursGoesNow() {
        assertThat(QuietHold.until(Channel.SMS, NIGHT, AFTERNOON)).isNull();
        assertThat(QuietHold.until(Channel.SMS, NIGHT, Instant.parse("2026-01-15T13:00:00Z"))).as("the end is exclusive")
                .isNull();
    }

    @Test
    void anEmailIsNeverHeld() {
        assertThat(QuietHold.until(Channel.EMAIL, NIGHT, LATE_EVENING)).isNull();
        assertThat(QuietHold.of(Channel.EMAIL, NIGHT)).isNull();
        assertThat(QuietHold.of(Channel.SMS, NIGHT)).isEqualTo(NIGHT);
    }

    @Test
    void aChunkWithoutQuietHoursHoldsNothing() {
        assertThat(QuietHold.until(Channel.SMS, null, LATE_EVENING)).isNull();
    }

    @Test
    void aWindowAcrossMidnightHoldsOnBothSidesOfIt() {
        QuietHours aroundMidnight = new QuietHours("UTC", "23:59:00", "00:00:04");

        assertThat(QuietHold.until(Channel.SMS, aroundMidnight, Instant.parse("2026-01-15T23:59:30Z")))
                .isEqualTo(Instant.parse("2026-01-16T00:00:04Z"));
        assertThat(QuietHold.until(Channel.SMS, aroundMidnight, Instant.parse("2026-01-16T00:00:01Z")))
                .isEqualTo(Instant.parse("2026-01-16T00:00:04Z"));
        assertThat(QuietHold.until(Channel.SMS, aroundMidnight, Instant.parse("2026-01-16T00:00:04Z"))).isNull();
    }
}
