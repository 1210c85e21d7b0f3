package com.propty.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads bearer tokens on {@code /api/**} only. Elsewhere an {@code Authorization} header is none of the
 * gateway's business: SendGrid or Twilio may send their own on {@code /webhooks/**}, and treating it as a
 * bearer token would answer their callbacks with 401.
 */
final class ApiBearerTokenConverter implements ServerAuthenticationConverter {

    private final ServerWebExchangeMatcher api = new PathPatternParserServerWebExchangeMatcher("/api/**");
    private final ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return api.matches(exchange)
                .filter(ServerWebExchangeMatcher.MatchResult::isMatch)
                .flatMap(match -> bearer.convert(exchange));
    }
}
