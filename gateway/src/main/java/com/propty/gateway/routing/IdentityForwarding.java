package com.propty.gateway.routing;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalTokenSigner;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The services trust nothing but an internal token (README "Security"). On a request with a verified user JWT the
 * gateway replaces the user's {@code Authorization} header with {@code Bearer <internal token>} minted for the
 * verified identity, so the user's token never reaches a service and no client-sent token gets through. Client-sent
 * {@code X-User-*} headers are removed on every route. Webhook requests keep their {@code Authorization} header
 * (providers may send their own; the services check the providers' signatures, not that header).
 */
@Component
public class IdentityForwarding implements GlobalFilter, Ordered {

    private final InternalTokenSigner internalTokens;

    public IdentityForwarding(InternalTokenSigner internalTokens) {
        this.internalTokens = internalTokens;
    }

    @Override
    public int getOrder() {
        // Before the routing filter (lowest precedence) sends the request downstream.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> Optional.of(VerifiedIdentity.fromClaims(((JwtAuthenticationToken) token).getTokenAttributes())))
                .defaultIfEmpty(Optional.empty())
                .flatMap(identity -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> rewrite(headers, identity)))
                        .build()));
    }

    private void rewrite(HttpHeaders headers, Optional<InternalIdentity> identity) {
        List<String> forged = headers.headerNames().stream().filter(VerifiedIdentity::isIdentityHeader).toList();
        forged.forEach(headers::remove);
        identity.ifPresent(verified -> headers.setBearerAuth(internalTokens.sign(verified)));
    }
}
