package com.propty.history.history;

import com.propty.events.Requester;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import java.time.Instant;

/**
 * One line of a notice's resend history, as the page lists it; {@code fallback}: of {@code emails} and {@code sms},
 * those sent by the recipient's other channel (README "Reach them another way").
 */
public record ResendRow(String resendId, Instant requestedAt, Requester requestedBy, ResendScope scope,
        ResendType type, int recipients, int emails, int sms, Fallback fallback, Outcome outcome) {

    public record Fallback(int emails, int sms) {
    }
}
