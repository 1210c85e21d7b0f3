package com.propty.resend.idempotency;

/**
 * A request whose {@code Idempotency-Key} cannot be honoured: the key was used for another request, or its first
 * request is still running past the wait. The web room gives it its status and words.
 */
public class KeyRefused extends RuntimeException {

    /** Why; the API's error code is {@code IDEMPOTENCY_KEY_} and the name. */
    public enum Reason { REUSED, IN_PROGRESS }

    private final Reason reason;

    public KeyRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
