package com.propty.internaltoken;

/** An internal token that must not be trusted. The message says why (for a debug log); it never holds the token. */
public final class InvalidInternalToken extends Exception {

    InvalidInternalToken(String reason) {
        super(reason);
    }
}
