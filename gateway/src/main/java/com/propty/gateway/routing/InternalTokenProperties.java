package com.propty.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal tokens the gateway forwards, under {@code propty.internal-token}.
 *
 * @param secret   HS256 secret shared with every service ({@code INTERNAL_TOKEN_SECRET}, at least 32 bytes), not the
 *                 users' JWT secret; only the local profile has a default
 * @param lifetime how long a forwarded token is good for ({@code INTERNAL_TOKEN_LIFETIME}, 60 s)
 */
@ConfigurationProperties("propty.internal-token")
public record InternalTokenProperties(String secret, @DefaultValue("60s") Duration lifetime) {
}
