package com.propty.internaltoken;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id the gateway forwards beside the internal token ({@code X-Request-Id}) and answers to the client:
 * a client's own id is kept only when it is a short safe token (it ends up in audit entries and logs), else a new
 * UUID replaces it. Services apply the same rule to what they receive.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestId() {
    }

    public static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    /** {@code candidate} when it is safe, else a fresh UUID. */
    public static String keepOrNew(String candidate) {
        return isSafe(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
