package com.propty.resend.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key} handling: how long a key is remembered ({@code RESEND_IDEMPOTENCY_RETENTION}, 24 h) and how
 * long a duplicate waits for the first request to answer ({@code RESEND_IDEMPOTENCY_WAIT}, 10 s). The clean-up job's
 * interval ({@code resend.idempotency.cleanup-interval}) is read by its schedule.
 */
@ConfigurationProperties("resend.idempotency")
public record IdempotencyProperties(@DefaultValue("PT24H") Duration retention,
        @DefaultValue("PT10S") Duration waitForFirst) {
}
