package com.propty.gateway.security;

import com.propty.gateway.web.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json ({@code UNAUTHENTICATED}, {@code FORBIDDEN}) instead of Spring Security's empty
 * bodies, with the RFC 6750 {@code WWW-Authenticate} challenge. The detail never says why a token failed
 * (expired, bad signature, alg none…): that helps an attacker more than a user.
 */
final class ProblemAuthErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problem.unauthenticated(tokenRejected
                ? "The bearer token is invalid or expired. Sign in again."
                : "Send a bearer token: Authorization: Bearer <JWT>.").writeTo(exchange);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problem.forbidden().writeTo(exchange);
    }
}
