package com.propty.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The quiet-hours window on the wall clock of its time zone, across midnight and daylight-saving changes. */
class QuietHoursTest {

    private static final QuietHours PARIS_NIGHT = new QuietHours("Europe/Paris", "21:00", "08:00");

    @Test
    void aWindowAcrossMidnightHoldsFromItsStartToItsEndTheNextMorning() {
        // 2026-01-15, Paris is UTC+1
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-15T19:59:59Z"))).as("20:59:59").isNull();
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-15T20:00:00Z"))).as("21:00 sharp")
                .isEqualTo("2026-01-16T07:00:00Z");
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-15T23:30:00Z"))).as("00:30 the next day")
                .isEqualTo("2026-01-16T07:00:00Z");
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-16T06:59:59Z"))).as("07:59:59")
                .isEqualTo("2026-01-16T07:00:00Z");
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-16T07:00:00Z"))).as("08:00 sharp: over").isNull();
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-01-16T11:00:00Z"))).as("noon").isNull();
    }

    @Test
    void aWindowWithinOneDayHoldsOnlyBetweenItsTimes() {
        QuietHours lunch = new QuietHours("UTC", "12:00", "13:30:30");
        assertThat(lunch.holdUntil(Instant.parse("2026-05-01T11:59:00Z"))).isNull();
        assertThat(lunch.holdUntil(Instant.parse("2026-05-01T12:10:00Z"))).isEqualTo("2026-05-01T13:30:30Z");
        assertThat(lunch.holdUntil(Instant.parse("2026-05-01T13:30:30Z"))).isNull();
        assertThat(lunch.holdUntil(Instant.parse("2026-05-01T23:00:00Z"))).isNull();
    }

    @Test
    void theNightClocksGoForwardTheWindowEndsAtItsLocalTimeOnTheNewOffset() {
        // Paris, 2026-03-29: 02:00 CET becomes 03:00 CEST; 08:00 is then UTC+2
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-03-28T22:00:00Z"))).as("23:00 CET")
                .isEqualTo("2026-03-29T06:00:00Z");
        // a window ending inside the skipped hour ends when the clocks reach it: 02:30 does not exist, 03:00 does
        QuietHours toTheGap = new QuietHours("Europe/Paris", "23:00", "02:30");
        assertThat(toTheGap.holdUntil(Instant.parse("2026-03-28T23:30:00Z"))).as("00:30 CET")
                .isEqualTo("2026-03-29T01:30:00Z");
        assertThat(toTheGap.holdUntil(Instant.parse("2026-03-29T01:00:00Z"))).as("03:00 CEST: past the end").isNull();
        // New York, 2026-03-08: 02:00 EST becomes 03:00 EDT
        QuietHours newYork = new QuietHours("America/New_York", "21:00", "08:00");
        assertThat(newYork.holdUntil(Instant.parse("2026-03-08T03:00:00Z"))).as("22:00 EST")
                .isEqualTo("2026-03-08T12:00:00Z");
    }

    @Test
    void theNightClocksGoBackTheWindowEndsTheFirstTimeItsEndComes() {
        // Paris, 2026-10-25: 03:00 CEST becomes 02:00 CET; 08:00 is then UTC+1, a night one hour longer
        assertThat(PARIS_NIGHT.holdUntil(Instant.parse("2026-10-24T19:00:00Z"))).as("21:00 CEST")
                .isEqualTo("2026-10-25T07:00:00Z");
        // a window ending at 02:30, which happens twice: it ends at the first (CEST) one
        QuietHours toTheOverlap = new QuietHours("Europe/Paris", "23:00", "02:30");
        assertThat(toTheOverlap.holdUntil(Instant.parse("2026-10-24T22:00:00Z"))).as("00:00 CEST")
                .isEqualTo("2026-10-25T00:30:00Z");
        assertThat(toTheOverlap.holdUntil(Instant.parse("2026-10-25T00:29:59Z"))).as("02:29:59 CEST")
                .isEqualTo("2026-10-25T00:30:00Z");
        assertThat(toTheOverlap.holdUntil(Instant.parse("2026-10-25T01:00:00Z")))
                .as("the second 02:00 (CET): the window already ended at the first 02:30").isNull();
    }

    @Test
    void aWindowIsRefusedWhenItsTimesOrZoneMeanNothing() {
        assertThat(QuietHours.problem("Europe/Paris", "21:00", "08:00")).isNull();
        assertThat(QuietHours.problem("Mars/Olympus", "21:00", "08:00")).contains("time zone");
        assertThat(QuietHours.problem("UTC", "9pm", "08:00")).contains("ISO");
        assertThat(QuietHours.problem("UTC", "25:00", "08:00")).contains("ISO");
        assertThat(QuietHours.problem("UTC", "08:00", "08:00")).contains("start");
        assertThatThrownBy(() -> new QuietHours("UTC", "08:00", "08:00:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
