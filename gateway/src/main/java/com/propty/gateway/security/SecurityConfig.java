package com.propty.gateway.security;

import com.propty.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Who may call what (CONTRACT §3): {@code /api/**} needs a verified JWT with role PROPERTY_MANAGER or
 * PROPERTY_ADMIN; provider webhooks, health/metrics, the page's static assets, the API document with its Swagger UI
 * and (local profile) the dev token endpoint are open. Anything else is denied, so a route added later is not public
 * by accident. Stateless: no session, no cookies, hence no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    static final String[] MANAGER_ROLES = {"PROPERTY_MANAGER", "PROPERTY_ADMIN"};
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui",
            "/swagger-ui/**"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties gateway) {
        ProblemAuthErrors authErrors = new ProblemAuthErrors();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(paths -> paths
                        .pathMatchers("/api/**").hasAnyRole(MANAGER_ROLES)
                        // Providers sign their callbacks; delivery-service checks those signatures.
                        .pathMatchers("/webhooks/**").permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                        // The API document and its Swagger UI: public, like the page; "try it out" needs a token.
                        .pathMatchers(API_DOCS).permitAll()
                        // Only exists in the local profile; elsewhere it is a plain 404.
                        .pathMatchers("/dev/token").permitAll()
                        // Never routed: let it fall through to the 404 instead of a 401 that hints it exists.
                        .pathMatchers("/internal/**").permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new ApiBearerTokenConverter())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(authErrors)
                        .accessDeniedHandler(authErrors))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authErrors)
                        .accessDeniedHandler(authErrors))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(gateway.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** {@code roles: ["PROPERTY_MANAGER"]} becomes authority {@code ROLE_PROPERTY_MANAGER}. */
    static ReactiveJwtAuthenticationConverterAdapter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
