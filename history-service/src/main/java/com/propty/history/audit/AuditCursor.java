package com.propty.history.audit;

import com.propty.kit.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Keyed paging of a property's audit trail, newest first. Every entry has a {@code pageKey} = the entry's time in
 * epoch milliseconds, zero-padded to 15 digits, {@code |}, its entry id: the string order is the time order, with
 * the id breaking ties, so "older than the last one shown" is {@code pageKey < cursor} and real MongoDB serves it
 * from the index {@code (propertyId, pageKey desc)}. The cursor a client sees is that key in base64url: opaque, and
 * useless for another property (the property always comes from the path).
 */
public final class AuditCursor {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    private static final Pattern KEY = Pattern.compile("\\d{15}\\|[A-Za-z0-9._-]{1,64}");

    private AuditCursor() {
    }

    public static String pageKey(Instant at, String entryId) {
        return String.format("%015d|%s", at.toEpochMilli(), entryId);
    }

    /** The cursor after the entry with this page key. */
    public static String encode(String pageKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(pageKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The page key a cursor stands for; null for the first page; 400 {@code VALIDATION_FAILED} for anything else. */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String key;
        try {
            key = cursor.length() > 120 ? null
                    : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiProblem.validation("before", "is not a cursor this API returned (use the `next` of a page)");
        }
        return key;
    }

    /** 1 ≤ size ≤ {@link #MAX_SIZE}, else 400. */
    public static int size(Integer size) {
        int value = size == null ? DEFAULT_SIZE : size;
        if (value < 1 || value > MAX_SIZE) {
            throw ApiProblem.validation("size", "must be between 1 and " + MAX_SIZE);
        }
        return value;
    }
}
