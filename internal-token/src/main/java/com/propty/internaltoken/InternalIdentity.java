package com.propty.internaltoken;

import java.util.List;

/**
 * Who an internal token speaks for: a user the gateway verified (subject, display name, roles, properties), or a
 * service calling another one ({@link #service}).
 */
public record InternalIdentity(String subject, String name, List<String> roles, List<String> properties) {

    public InternalIdentity {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an internal identity needs a subject");
        }
        name = name == null || name.isBlank() ? subject : name;
        roles = roles == null ? List.of() : List.copyOf(roles);
        properties = properties == null ? List.of() : List.copyOf(properties);
    }

    /** A service acting on its own behalf: subject {@code service:<name>}, role {@code SERVICE}, no properties. */
    public static InternalIdentity service(String serviceName) {
        return new InternalIdentity(InternalToken.SERVICE_SUBJECT_PREFIX + serviceName, serviceName,
                List.of(InternalToken.SERVICE_ROLE), List.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
