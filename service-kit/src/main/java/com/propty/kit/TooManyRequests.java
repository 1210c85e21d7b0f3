package com.propty.kit;

import org.springframework.http.HttpStatus;

/** 429 problem+json with {@code Retry-After}: a caller went over a rate limit. */
public class TooManyRequests extends ApiProblem {

    private final long retryAfterSeconds;

    public TooManyRequests(String action, int limit, long windowSeconds, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests",
                "At most " + limit + " " + action + " requests per user every " + windowSeconds
                        + " s; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
