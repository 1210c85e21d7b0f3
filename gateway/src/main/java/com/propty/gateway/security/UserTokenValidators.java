package com.propty.gateway.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks of a user's JWT beyond its signature: expiry and not-before (the defaults), the issuer when one is
 * configured, and a subject: without one there is nobody to forward to the services (401, not a failure later).
 */
final class UserTokenValidators {

    private UserTokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer) {
        OAuth2TokenValidator<Jwt> defaults = issuer == null || issuer.isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        return new DelegatingOAuth2TokenValidator<>(defaults,
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    }
}
