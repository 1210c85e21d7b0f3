package com.propty.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Spring Security's firewall (encoded '/', '\', '.', ';', NUL and other control characters in the path) answers
 * problem+json 400 {@code INVALID_REQUEST} instead of an empty 400 (README "Input limits").
 */
@Configuration(proxyBeanMethods = false)
public class ServerLimits {

    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return (exchange, rejected) -> new Problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                "The URL could not be read: no encoded '/', '\\\\', '.', ';' or control characters in the path.")
                .writeTo(exchange);
    }
}
