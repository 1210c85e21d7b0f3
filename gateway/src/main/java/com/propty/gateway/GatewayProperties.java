package com.propty.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway knobs under {@code propty.gateway}. Downstream service URLs are read by the route definitions in
 * application.yml; the rest is read here.
 *
 * @param maxBodyBytes          larger request bodies are refused with 413 before anything is forwarded
 * @param contentSecurityPolicy the CSP sent with every response (the web page is same-origin only)
 * @param maxUriLength          longer request targets (path and query) are refused with 414 problem+json before
 *                              anything is forwarded; the services' header limit is sized to fit it
 */
@ConfigurationProperties("propty.gateway")
public record GatewayProperties(@DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("default-src 'self'") String contentSecurityPolicy, @DefaultValue("8192") int maxUriLength) {
}
