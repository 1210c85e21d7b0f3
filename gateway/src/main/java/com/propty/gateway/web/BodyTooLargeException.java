package com.propty.gateway.web;

/** A request body grew past the limit while it was streamed (no or a false Content-Length). */
public class BodyTooLargeException extends RuntimeException {

    private final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("Request body larger than " + maxBytes + " bytes", null, false, false);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
