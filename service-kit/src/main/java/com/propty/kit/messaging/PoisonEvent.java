package com.propty.kit.messaging;

/** A record that will never be readable: retrying it is pointless, so it goes to the dead-letter topic at once. */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
