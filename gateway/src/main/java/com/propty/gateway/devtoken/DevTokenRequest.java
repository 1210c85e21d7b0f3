package com.propty.gateway.devtoken;

import com.propty.gateway.web.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** What a developer asks the dev token endpoint for; {@code ttlSeconds} defaults to one hour. */
public record DevTokenRequest(String sub, String name, List<String> roles, List<String> properties,
        Long ttlSeconds) {

    static final long DEFAULT_TTL_SECONDS = 3600;
    static final long MAX_TTL_SECONDS = 7 * 24 * 3600;

    List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (sub == null || sub.isBlank()) {
            errors.add(new FieldError("sub", "must not be blank"));
        }
        if (ttlSeconds != null && (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS)) {
            errors.add(new FieldError("ttlSeconds", "must be between 1 and " + MAX_TTL_SECONDS));
        }
        return errors;
    }

    long ttl() {
        return ttlSeconds == null ? DEFAULT_TTL_SECONDS : ttlSeconds;
    }
}
