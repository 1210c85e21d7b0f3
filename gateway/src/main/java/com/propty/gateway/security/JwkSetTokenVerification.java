package com.propty.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Every profile but local: tokens are RS256, verified against the identity provider's published keys. There
 * is deliberately no default: without {@code PROPTY_JWK_SET_URI} the gateway refuses to start rather than
 * run with a guessable secret.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!local")
public class JwkSetTokenVerification {

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        String jwkSetUri = properties.jwkSetUri();
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            throw new IllegalStateException("No JWK set URI configured: set PROPTY_JWK_SET_URI (propty.jwt.jwk-set-uri) "
                    + "to the identity provider's RS256 key set, or run with the 'local' profile for HS256 dev tokens.");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(UserTokenValidators.of(properties.issuer()));
        return decoder;
    }
}
