package com.propty.gateway.security;

import com.propty.gateway.routing.InternalTokenProperties;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Local profile: tokens are HS256, signed with a shared secret that the dev token endpoint also uses. The
 * documented default secret lives in application-local.yml only, so no other profile can fall back on it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalTokenVerification {

    /** HS256 needs a key at least as long as its 256-bit output (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    @Bean
    SecretKey localSigningKey(JwtProperties properties, InternalTokenProperties internalToken) {
        String secret = properties.secret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The local profile verifies HS256 tokens with PROPTY_JWT_SECRET "
                    + "(propty.jwt.secret), which must be at least " + MIN_SECRET_BYTES + " bytes long.");
        }
        if (secret.equals(internalToken.secret())) {
            // Else whoever holds one secret could mint the tokens of the other.
            throw new IllegalStateException("PROPTY_JWT_SECRET and INTERNAL_TOKEN_SECRET must differ.");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey localSigningKey) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(localSigningKey)
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(UserTokenValidators.of(null));
        return decoder;
    }
}
