package com.propty.gateway.routing;

import com.propty.internaltoken.InternalToken;
import com.propty.internaltoken.InternalTokenSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signer of the internal tokens the gateway forwards. There is no default secret outside the local profile:
 * without {@code INTERNAL_TOKEN_SECRET} (at least 32 bytes) the gateway refuses to start.
 */
@Configuration(proxyBeanMethods = false)
public class InternalTokenConfig {

    @Bean
    InternalTokenSigner internalTokenSigner(InternalTokenProperties properties) {
        try {
            return new InternalTokenSigner(properties.secret(), InternalToken.GATEWAY_ISSUER, properties.lifetime());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " Set it to the same value for the gateway and every "
                    + "service (the local profile has a dev default).", e);
        }
    }
}
