package com.propty.gateway.routing;

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
 * The services trust {@code X-User-*} headers blindly, so on every route the client's own are removed first,
 * then the verified identity is added. The bearer token itself stops here: services never verify tokens, and
 * not forwarding it keeps it out of their logs. Webhook requests keep their headers (providers sign them).
 */
@Component
public class IdentityForwarding implements GlobalFilter, Ordered {

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

    private static void rewrite(HttpHeaders headers, Optional<VerifiedIdentity> identity) {
        List<String> forged = headers.headerNames().stream().filter(VerifiedIdentity::isIdentityHeader).toList();
        forged.forEach(headers::remove);
        identity.ifPresent(verified -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            verified.headers().forEach(headers::set);
        });
    }
}
