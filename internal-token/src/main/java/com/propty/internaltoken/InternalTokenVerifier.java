package com.propty.internaltoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Checks an internal token ({@link InternalToken}): HS256 only (so never {@code alg: none}), signed with the current
 * secret or, during a rotation, the previous one; audience {@value InternalToken#AUDIENCE}; an issuer and a subject;
 * not expired and not issued in the future (give or take {@link InternalToken#CLOCK_SKEW}). A token the gateway
 * issued never carries role {@code SERVICE}: only a service's own tokens do.
 */
public final class InternalTokenVerifier {

    private final List<MACVerifier> keys = new ArrayList<>();
    private final Clock clock;

    public InternalTokenVerifier(String secret, String previousSecret) {
        this(secret, previousSecret, Clock.systemUTC());
    }

    public InternalTokenVerifier(String secret, String previousSecret, Clock clock) {
        keys.add(verifier(secret, "INTERNAL_TOKEN_SECRET (propty.internal-token.secret)"));
        if (previousSecret != null && !previousSecret.isBlank()) {
            keys.add(verifier(previousSecret, "INTERNAL_TOKEN_PREVIOUS_SECRET (propty.internal-token.previous-secret)"));
        }
        this.clock = clock;
    }

    private static MACVerifier verifier(String secret, String setting) {
        try {
            return new MACVerifier(InternalToken.key(secret, setting));
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public InternalIdentity verify(String token) throws InvalidInternalToken {
        if (token == null || token.isBlank()) {
            throw new InvalidInternalToken("no token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidInternalToken("not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidInternalToken("algorithm " + jwt.getHeader().getAlgorithm() + " instead of HS256");
        }
        if (!signedWithAKnownKey(jwt)) {
            throw new InvalidInternalToken("bad signature");
        }
        return identity(claims);
    }

    private boolean signedWithAKnownKey(SignedJWT jwt) {
        for (MACVerifier key : keys) {
            try {
                if (jwt.verify(key)) {
                    return true;
                }
            } catch (JOSEException e) {
                return false;
            }
        }
        return false;
    }

    private InternalIdentity identity(JWTClaimsSet claims) throws InvalidInternalToken {
        Instant now = clock.instant();
        if (claims.getAudience() == null || !claims.getAudience().contains(InternalToken.AUDIENCE)) {
            throw new InvalidInternalToken("audience is not " + InternalToken.AUDIENCE);
        }
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw new InvalidInternalToken("no issuer");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || now.isAfter(expires.toInstant().plus(InternalToken.CLOCK_SKEW))) {
            throw new InvalidInternalToken("expired or without expiry");
        }
        Date issued = claims.getIssueTime();
        if (issued == null || issued.toInstant().isAfter(now.plus(InternalToken.CLOCK_SKEW))) {
            throw new InvalidInternalToken("issued in the future or without issue time");
        }
        InternalIdentity identity;
        try {
            identity = new InternalIdentity(claims.getSubject(), claims.getStringClaim("name"),
                    claims.getStringListClaim("roles"), claims.getStringListClaim("properties"));
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidInternalToken("claims of the wrong shape");
        }
        if (InternalToken.GATEWAY_ISSUER.equals(issuer) && identity.hasRole(InternalToken.SERVICE_ROLE)) {
            throw new InvalidInternalToken("a gateway token claims role " + InternalToken.SERVICE_ROLE);
        }
        return identity;
    }
}
