package com.propty.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import com.propty.testsupport.UserTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The gateway tests' user: Ann Manager (u1) of p1 and p2; tokens are minted with {@link UserTokens}. */
final class Tokens {

    private Tokens() {
    }

    static JWTClaimsSet.Builder claims(String sub, String role, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(sub).claim("name", "Ann Manager")
                .claim("roles", List.of(role)).claim("properties", List.of("p1", "p2"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)));
    }

    static String manager() {
        return UserTokens.local(claims("u1", "PROPERTY_MANAGER", Duration.ofMinutes(10)).build());
    }
}
