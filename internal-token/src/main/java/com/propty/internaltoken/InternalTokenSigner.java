package com.propty.internaltoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Mints internal tokens ({@link InternalToken}) as one issuer: the gateway, or a service for its own calls. */
public final class InternalTokenSigner {

    private final MACSigner signer;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public InternalTokenSigner(String secret, String issuer, Duration lifetime) {
        this(secret, issuer, lifetime, Clock.systemUTC());
    }

    public InternalTokenSigner(String secret, String issuer, Duration lifetime, Clock clock) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("an internal token needs an issuer");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the internal token lifetime must be positive");
        }
        try {
            this.signer = new MACSigner(InternalToken.key(secret, "INTERNAL_TOKEN_SECRET (propty.internal-token.secret)"));
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String sign(InternalIdentity identity) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(InternalToken.AUDIENCE))
                .subject(identity.subject())
                .claim("name", identity.name())
                .claim("roles", identity.roles())
                .claim("properties", identity.properties())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an internal token", e);
        }
        return jwt.serialize();
    }
}
