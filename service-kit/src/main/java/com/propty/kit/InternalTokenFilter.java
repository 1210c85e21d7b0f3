package com.propty.kit;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalToken;
import com.propty.internaltoken.InternalTokenVerifier;
import com.propty.internaltoken.InvalidInternalToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Zero trust behind the gateway: every request that {@link AccessRule} does not open must carry a valid internal
 * token ({@code Authorization: Bearer <token>}), else 401 {@code UNAUTHENTICATED}; the internal API also needs role
 * SERVICE, else 403 {@code FORBIDDEN}. The verified identity becomes the request's {@link Caller}; no header is ever
 * taken as an identity. Logs say why a token was refused, never the token.
 */
class InternalTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InternalTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final InternalTokenVerifier verifier;

    InternalTokenFilter(InternalTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        String normalisedPath = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        AccessRule rule = AccessRule.of(rawPath, normalisedPath);
        if (rule == AccessRule.OPEN) {
            chain.doFilter(request, response);
            return;
        }
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        InternalIdentity identity;
        try {
            identity = verifier.verify(token);
        } catch (InvalidInternalToken refused) {
            log.debug("401 for {} {}: internal token refused ({})", request.getMethod(), rawPath, refused.getMessage());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, token == null ? "Bearer" : "Bearer error=\"invalid_token\"");
            FilterProblem.write(response, 401, "UNAUTHENTICATED", "Authentication required",
                    "This service is reached through the gateway, which authenticates the caller.");
            return;
        }
        if (rule == AccessRule.SERVICE && !identity.hasRole(InternalToken.SERVICE_ROLE)) {
            log.debug("403 for {} {}: {} is not a service", request.getMethod(), rawPath, identity.subject());
            FilterProblem.write(response, 403, "FORBIDDEN", "Forbidden", "Only the platform's services may call this.");
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, Caller.of(identity));
        chain.doFilter(request, response);
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
