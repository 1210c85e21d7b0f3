package com.propty.gateway.routing;

import com.propty.internaltoken.InternalIdentity;
import com.propty.internaltoken.InternalToken;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller as the gateway verified it from the user's JWT, in the form the internal token carries it to the
 * services: sub, name (else sub), roles and properties. Role {@code SERVICE} is never taken from a user's token: it
 * belongs to the services' own tokens.
 */
public final class VerifiedIdentity {

    /** Identity headers of the old scheme: never forwarded from a client, never sent by the gateway. */
    public static final String HEADER_PREFIX = "X-User-";

    private VerifiedIdentity() {
    }

    public static InternalIdentity fromClaims(Map<String, Object> claims) {
        String id = text(claims.get("sub"));
        List<String> roles = list(claims.get("roles")).stream()
                .filter(role -> !role.equals(InternalToken.SERVICE_ROLE)).toList();
        return new InternalIdentity(id, text(claims.get("name")), roles, list(claims.get("properties")));
    }

    public static boolean isIdentityHeader(String headerName) {
        return headerName.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length());
    }

    private static String text(Object claim) {
        return claim == null ? "" : claim.toString().trim();
    }

    /** An array claim, or (tolerated) one string of values separated by spaces or commas. */
    private static List<String> list(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(v -> v.toString().trim())
                    .filter(v -> !v.isEmpty()).toList();
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[,\\s]+")).filter(v -> !v.isEmpty()).toList();
        }
        return List.of();
    }
}
