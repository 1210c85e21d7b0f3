package com.propty.resend.claim;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a claim whose request was never published (a crash between claim and publish) holds its channel before it
 * is given back ({@code RESEND_CLAIM_TIMEOUT}, default 2 minutes); an idempotency key left in progress by a dead
 * request is taken over after as long.
 */
@ConfigurationProperties("resend")
public record ClaimProperties(@DefaultValue("PT2M") Duration claimTimeout) {
}
