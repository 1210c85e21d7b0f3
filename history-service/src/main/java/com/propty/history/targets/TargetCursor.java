package com.propty.history.targets;

import com.propty.kit.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyed paging of a resend's targets. A target's place is its request chunk and its position in that chunk (the
 * order resend-service published them in), so a page is read by key: the chunk's document by {@code _id}, then the
 * states of the page's targets by {@code _id $in}. The cursor a client sees is the place of the first target of the
 * next page, {@code chunk.index}, in base64url: opaque, and meaningless for another resend (the resend always comes
 * from the path).
 */
public record TargetCursor(int chunk, int index) {

    public static final TargetCursor START = new TargetCursor(0, 0);
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    private static final Pattern PLACE = Pattern.compile("(\\d{1,6})\\.(\\d{1,4})");

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((chunk + "." + index).getBytes(StandardCharsets.US_ASCII));
    }

    /** The place a cursor stands for; the start for none; 400 {@code VALIDATION_FAILED} for anything else. */
    public static TargetCursor decode(String cursor) {
        if (cursor == null) {
            return START;
        }
        String place;
        try {
            place = cursor.length() > 24 ? null : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            place = null;
        }
        Matcher matcher = place == null ? null : PLACE.matcher(place);
        if (matcher == null || !matcher.matches()) {
            throw ApiProblem.validation("after", "is not a cursor this API returned (use the `next` of a page)");
        }
        return new TargetCursor(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
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
