package com.propty.testsupport;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalToken;
import com.propty.internaltoken.InternalTokenSigner;
import com.propty.internaltoken.InternalTokenVerifier;
import com.propty.internaltoken.InvalidInternalToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Internal tokens as the gateway (for a user) or a service (for itself) mints them, signed with the local profile's
 * secret, for tests that call a service directly; and the bad ones a service must refuse. Send them as
 * {@code Authorization: Bearer <token>} ({@link #bearer}).
 */
public final class InternalTokens {

    /** The documented dev default of {@code propty.internal-token.secret} in every application-local.yml. */
    public static final String LOCAL_SECRET = "local-dev-internal-token-secret-change-me-0123456789";
    /** A secret of the right length that no service uses. */
    public static final String OTHER_SECRET = "not-the-platform-internal-secret-0123456789abcdef";

    private static final InternalTokenSigner GATEWAY = new InternalTokenSigner(LOCAL_SECRET,
            InternalToken.GATEWAY_ISSUER, InternalToken.DEFAULT_LIFETIME);

    private InternalTokens() {
    }

    /** What the gateway forwards for this user. */
    public static String forCaller(String id, String name, List<String> roles, List<String> properties) {
        return GATEWAY.sign(new InternalIdentity(id, name, roles, properties));
    }

    /** A property manager of these properties. */
    public static String manager(String id, String... properties) {
        return GATEWAY.sign(managerIdentity(id, properties));
    }

    /** What a service sends for its own calls: subject {@code service:<name>}, role SERVICE. */
    public static String forService(String serviceName) {
        return new InternalTokenSigner(LOCAL_SECRET, serviceName, InternalToken.DEFAULT_LIFETIME)
                .sign(InternalIdentity.service(serviceName));
    }

    /** A manager's token that expired ten minutes ago. */
    public static String expired(String id, String... properties) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        return new InternalTokenSigner(LOCAL_SECRET, InternalToken.GATEWAY_ISSUER, InternalToken.DEFAULT_LIFETIME, past)
                .sign(managerIdentity(id, properties));
    }

    /** A manager's token signed with {@link #OTHER_SECRET}. */
    public static String signedWithAnotherKey(String id, String... properties) {
        return new InternalTokenSigner(OTHER_SECRET, InternalToken.GATEWAY_ISSUER, InternalToken.DEFAULT_LIFETIME)
                .sign(managerIdentity(id, properties));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The identity a token carries, checked as the services check it (local secret); fails the test otherwise. */
    public static InternalIdentity verify(String token) {
        try {
            return new InternalTokenVerifier(LOCAL_SECRET, null).verify(token);
        } catch (InvalidInternalToken e) {
            throw new AssertionError("the internal token does not verify: " + e.getMessage());
        }
    }

    private static InternalIdentity managerIdentity(String id, String... properties) {
        return new InternalIdentity(id, "Manager " + id, List.of("PROPERTY_MANAGER"), List.of(properties));
    }
}
