package com.propty.delivery.resilience;

/**
 * The one rule for both providers' HTTP answers: which ones mean "nothing was sent, try later" (the send is parked,
 * README "Faults") rather than an answer about the message (a rejection, final for that attempt).
 */
public final class TransientStatus {

    private TransientStatus() {
    }

    /** Throttled (429), the provider failing (5xx), or our credentials refused (401, 403): nothing was sent. */
    public static boolean of(int httpStatus) {
        return httpStatus == 429 || httpStatus >= 500 || httpStatus == 401 || httpStatus == 403;
    }
}
