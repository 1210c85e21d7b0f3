package com.propty.history.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long one call to notice-service for a notice's owner may take ({@code history.notice-service.timeout}). */
@ConfigurationProperties("history.notice-service")
public record NoticeServiceProperties(@DefaultValue("PT3S") Duration timeout) {
}
