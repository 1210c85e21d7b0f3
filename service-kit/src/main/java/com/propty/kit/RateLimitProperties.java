package com.propty.kit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-user rate limits by action name ({@code propty.rate-limits.<action>.limit} and {@code .window}); an action
 * without an entry is not limited.
 */
@ConfigurationProperties("propty.rate-limits")
public record RateLimitProperties(Map<String, Limit> actions) {

    public RateLimitProperties {
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }

    public record Limit(int limit, Duration window) {
    }
}
