package com.propty.kit;

import com.propty.internaltoken.InternalIdentity;
import java.util.Set;

/**
 * The user (or service) on whose behalf a request runs, as the internal token says: the gateway mints it after
 * verifying the user's JWT, a service mints its own for its calls. Built by {@link InternalTokenFilter} from the
 * verified claims only; never from request headers.
 */
public record Caller(String id, String name, Set<String> roles, Set<String> properties) {

    /** The request attribute that holds the verified caller. */
    static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(InternalIdentity identity) {
        return new Caller(identity.subject(), identity.name(), Set.copyOf(identity.roles()),
                Set.copyOf(identity.properties()));
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
