package com.propty.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A property's SMS quiet hours as carried by dispatch and resend chunks (README "Never at night"): local times of the
 * property's time zone, {@code start} inclusive, {@code end} exclusive, ISO {@code HH:mm} or {@code HH:mm:ss}; a window
 * whose start is after its end spans midnight (the default, 21:00–08:00). A chunk without one (null) holds nothing: the
 * property switched quiet hours off, or the notice is urgent.
 *
 * <p>Local times are judged on the wall clock: on the night clocks go forward an end inside the skipped hour ends the
 * window when the clocks reach it (02:30 in a 02:00→03:00 gap ends at 03:00, the first instant at or after it); on
 * the night they go back an end met twice ends the window the first time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuietHours(String timeZone, String start, String end) {

    public QuietHours {
        ZoneId.of(timeZone);
        if (LocalTime.parse(start).equals(LocalTime.parse(end))) {
            throw new IllegalArgumentException("Quiet hours must not start when they end: " + start);
        }
    }

    /** Whether these would make a valid window; what is wrong otherwise (null: valid). */
    public static String problem(String timeZone, String start, String end) {
        try {
            new QuietHours(timeZone, start, end);
            return null;
        } catch (DateTimeParseException e) {
            return "Times are ISO local times, e.g. 21:00";
        } catch (DateTimeException e) {
            return "Unknown time zone " + timeZone;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @JsonIgnore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** When the window holding {@code now} ends; null when {@code now} is outside it (an SMS may go now). */
    public Instant holdUntil(Instant now) {
        ZoneId zone = zone();
        LocalTime from = LocalTime.parse(start);
        LocalTime to = LocalTime.parse(end);
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        LocalDate endDay;
        if (from.isBefore(to)) {
            if (time.isBefore(from) || !time.isBefore(to)) {
                return null;
            }
            endDay = day;
        } else if (!time.isBefore(from)) {
            endDay = day.plusDays(1);
        } else if (time.isBefore(to)) {
            endDay = day;
        } else {
            return null;
        }
        Instant until = ZonedDateTime.of(endDay, to, zone).toInstant();
        // an end inside the gap (02:30 when 02:00 becomes 03:00) is resolved past it, possibly before now
        // when now is already after the gap: the window then ends now
        return until.isAfter(now) ? until : null;
    }
}
