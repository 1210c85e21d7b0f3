package com.propty.resend.policy;

import java.time.Instant;

/**
 * What a scope resends, counted the way the dialog and the 202 answer show it. {@code nextEligibleAt} is the earliest
 * moment a channel skipped as cooling down may be resent (null when none is). {@code fallbackEmails} and
 * {@code fallbackSms} are the part of {@code emails} and {@code sms} sent by a recipient's other channel.
 */
public record ScopeCounts(int recipients, int emails, int sms, Skipped skipped, int addressUnchanged,
        Instant nextEligibleAt, int fallbackEmails, int fallbackSms) {

    public ScopeCounts(int recipients, int emails, int sms, Skipped skipped, int addressUnchanged,
            Instant nextEligibleAt) {
        this(recipients, emails, sms, skipped, addressUnchanged, nextEligibleAt, 0, 0);
    }

    public ScopeCounts(int recipients, int emails, int sms, Skipped skipped, int addressUnchanged) {
        this(recipients, emails, sms, skipped, addressUnchanged, null);
    }

    /** FAILED channels of the scope that cannot be sent now, by reason; they stay FAILED. */
    public record Skipped(int noAddress, int optedOut, int resendLimit, int coolingDown) {
        public static final Skipped NONE = new Skipped(0, 0, 0, 0);

        public Skipped(int noAddress, int optedOut) {
            this(noAddress, optedOut, 0, 0);
        }
    }

    public static final ScopeCounts ZERO = new ScopeCounts(0, 0, 0, Skipped.NONE, 0);
}
