package com.propty.gateway.routing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller as the gateway verified it from the JWT, in the form the services read it (service-kit's
 * {@code Caller}): {@code X-User-Id} (sub), {@code X-User-Name} (name, else sub, percent-encoded UTF-8 so that any
 * script survives a Latin-1 header), {@code X-User-Roles} and {@code X-User-Properties} (comma-separated).
 */
public record VerifiedIdentity(String id, String name, List<String> roles, List<String> properties) {

    public static final String HEADER_PREFIX = "X-User-";
    public static final String ID_HEADER = "X-User-Id";
    public static final String NAME_HEADER = "X-User-Name";
    public static final String ROLES_HEADER = "X-User-Roles";
    public static final String PROPERTIES_HEADER = "X-User-Properties";

    public static VerifiedIdentity fromClaims(Map<String, Object> claims) {
        String id = text(claims.get("sub"));
        String name = text(claims.get("name"));
        return new VerifiedIdentity(id, name.isBlank() ? id : name, list(claims.get("roles")),
                list(claims.get("properties")));
    }

    /** The headers to add to the forwarded request, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID_HEADER, headerValue(id));
        headers.put(NAME_HEADER, percentEncoded(name));
        headers.put(ROLES_HEADER, headerValue(String.join(",", roles)));
        headers.put(PROPERTIES_HEADER, headerValue(String.join(",", properties)));
        return headers;
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
                    .filter(v -> !v.isEmpty() && !v.contains(",")).toList();
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[,\\s]+")).filter(v -> !v.isEmpty()).toList();
        }
        return List.of();
    }

    /**
     * A display name as UTF-8, percent-encoded (RFC 3986; a space is {@code %20}): 'Łukasz Wąs' or '王芳' reach
     * the services intact instead of as '?'. Control characters become spaces first, as in {@link #headerValue}.
     */
    static String percentEncoded(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            clean.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return URLEncoder.encode(clean.toString().trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Header values travel as Latin-1 bytes: control characters (CR/LF would split headers) become spaces and
     * characters beyond Latin-1 become '?', which is what the HTTP codec would otherwise do silently.
     */
    static String headerValue(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                safe.append(' ');
            } else if (c > 0xff) {
                safe.append('?');
            } else {
                safe.append(c);
            }
        }
        return safe.toString().trim();
    }
}
