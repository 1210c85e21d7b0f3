package com.propty.kit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The user on whose behalf a request runs, as verified by the gateway and forwarded in
 * {@code X-User-*} headers (the gateway strips any client-sent ones first).
 */
public record Caller(String id, String name, Set<String> roles, Set<String> properties) {

    public static final String ID_HEADER = "X-User-Id";
    public static final String NAME_HEADER = "X-User-Name";
    public static final String ROLES_HEADER = "X-User-Roles";
    public static final String PROPERTIES_HEADER = "X-User-Properties";

    /**
     * {@code X-User-Name} as the gateway sends it: UTF-8, percent-encoded, so that a name in any script survives a
     * Latin-1 header. A value that is not valid percent-encoding is taken as it is.
     */
    public static String decodeName(String header) {
        if (header == null || header.indexOf('%') < 0) {
            return header;
        }
        try {
            return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return header;
        }
    }

    public boolean mayActOn(String propertyId) {
        return propertyId != null && properties.contains(propertyId);
    }

    /** 404 for a property outside the token: never reveal that it exists (CONTRACT §3). */
    public void requireProperty(String propertyId, String what) {
        if (!mayActOn(propertyId)) {
            throw ApiProblem.notFound(what);
        }
    }
}
