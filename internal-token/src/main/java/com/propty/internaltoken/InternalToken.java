package com.propty.internaltoken;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The internal token: an HS256 JWT that the gateway mints for each request it forwards (and a service mints for its
 * own calls to another), sent as {@code Authorization: Bearer <token>}. Claims: {@code iss} (the gateway, or the
 * calling service), {@code aud} {@value #AUDIENCE}, {@code sub}, {@code name}, {@code roles}, {@code properties},
 * {@code iat}, {@code exp} (60 s later by default). Signed with {@code INTERNAL_TOKEN_SECRET}, which is not the
 * secret of the users' JWTs.
 */
public final class InternalToken {

    public static final String GATEWAY_ISSUER = "propty-gateway";
    public static final String AUDIENCE = "propty-services";
    public static final String SERVICE_ROLE = "SERVICE";
    public static final String SERVICE_SUBJECT_PREFIX = "service:";
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    /** How far the clocks of two processes may disagree on {@code exp} and {@code iat}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** HS256 needs a key at least as long as its 256-bit output (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    private InternalToken() {
    }

    /** The secret as an HMAC key; a missing or short one is a configuration error that names the variable to set. */
    static byte[] key(String secret, String setting) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The internal token secret " + setting + " must be set and at least "
                    + MIN_SECRET_BYTES + " bytes long.");
        }
        return key;
    }
}
