package com.propty.resend.policy;

/** What a scope resends, counted the way the dialog and the 202 answer show it. */
public record ScopeCounts(int recipients, int emails, int sms, Skipped skipped, int addressUnchanged) {

    /** FAILED channels of the scope that cannot be sent now, by reason; they stay FAILED. */
    public record Skipped(int noAddress, int optedOut) {
        public static final Skipped NONE = new Skipped(0, 0);
    }

    public static final ScopeCounts ZERO = new ScopeCounts(0, 0, 0, Skipped.NONE, 0);
}
