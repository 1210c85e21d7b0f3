package com.propty.gateway.web;

import com.propty.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request target (path and query, as sent) longer than {@code propty.gateway.max-uri-length} with 414
 * problem+json before anything else runs or is forwarded — e.g. a {@code resend-options?selected=} list of thousands
 * of ids, which belongs in the POST body instead. Netty's own request-line limit is set far above it
 * ({@code server.netty.max-initial-line-length}), so such a URL reaches this filter instead of Netty's bare 414.
 */
@Component
public class UriLengthLimit implements WebFilter, Ordered {

    private final int maxUriLength;

    public UriLengthLimit(GatewayProperties properties) {
        this.maxUriLength = properties.maxUriLength();
    }

    @Override
    public int getOrder() {
        // Before Spring Security (-100): a URL that will not be forwarded needs no token check.
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        int length = uri.getRawPath().length() + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        if (length > maxUriLength) {
            return new Problem(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "URI too long",
                    "The URL is longer than " + maxUriLength + " characters. For a large selection, POST "
                            + "/api/notices/{id}/resend-options with {\"recipientIds\": [...]} instead of ?selected=.")
                    .writeTo(exchange);
        }
        return chain.filter(exchange);
    }
}
