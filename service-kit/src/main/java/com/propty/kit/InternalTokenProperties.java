package com.propty.kit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal token, under {@code propty.internal-token} (README "Security").
 *
 * @param secret         HS256 secret shared by the gateway and every service ({@code INTERNAL_TOKEN_SECRET}, at
 *                       least 32 bytes); only the local profile has a default, elsewhere start-up fails without it
 * @param previousSecret during a rotation, the secret being replaced: still accepted, never used to sign
 *                       ({@code INTERNAL_TOKEN_PREVIOUS_SECRET}, optional)
 * @param lifetime       how long a token this service mints for its own calls is good for
 */
@ConfigurationProperties("propty.internal-token")
public record InternalTokenProperties(String secret, String previousSecret, @DefaultValue("60s") Duration lifetime) {
}
