package com.propty.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified, under {@code propty.jwt}.
 *
 * @param secret     HS256 secret, local profile only ({@code PROPTY_JWT_SECRET}); ignored elsewhere
 * @param jwkSetUri  where the RS256 public keys are published, every other profile ({@code PROPTY_JWK_SET_URI})
 * @param issuer     when set, tokens must carry this {@code iss} (non-local profiles, {@code PROPTY_JWT_ISSUER})
 */
@ConfigurationProperties("propty.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer) {
}
