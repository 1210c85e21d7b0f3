package com.propty.resend.request;

/**
 * The resend could not be handed over for sending (the bus refused a chunk); the channels of the chunks not published
 * were given back. The web room answers 503.
 */
public class ResendNotStarted extends RuntimeException {

    public ResendNotStarted(String resendId, Throwable cause) {
        super("resend " + resendId + " could not be published", cause);
    }
}
