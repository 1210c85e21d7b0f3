package com.propty.history.history;

import com.propty.events.Requester;
import com.propty.events.ResendScope;
import com.propty.events.ResendType;
import java.time.Instant;

/** One line of a notice's resend history, as the page lists it. */
public record ResendRow(String resendId, Instant requestedAt, Requester requestedBy, ResendScope scope,
        ResendType type, int recipients, int emails, int sms, Outcome outcome) {
}
