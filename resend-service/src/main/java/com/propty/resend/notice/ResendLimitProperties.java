package com.propty.resend.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The abuse limits on resending one resident ({@code RESEND_MAX_PER_CHANNEL}, default 3 resends per notice and
 * channel; {@code RESEND_COOLDOWN}, default 15 minutes after that channel's last resend result).
 */
@ConfigurationProperties("resend.limits")
public record ResendLimitProperties(int maxPerChannel, Duration cooldown) {
}
