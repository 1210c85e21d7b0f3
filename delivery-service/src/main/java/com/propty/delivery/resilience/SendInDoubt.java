package com.propty.delivery.resilience;

/**
 * The call may have reached the provider but no answer came back (a read timeout, a dropped connection).
 * Providers take no idempotency key, so such a send is never repeated blindly (CONTRACT §5): it waits for a
 * webhook or becomes FAILED {@code SEND_IN_DOUBT}.
 */
public class SendInDoubt extends RuntimeException {

    public SendInDoubt(String message, Throwable cause) {
        super(message, cause);
    }
}
